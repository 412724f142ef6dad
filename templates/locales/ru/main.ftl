app-name = Refuge
