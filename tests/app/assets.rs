//! What every page loads from `/static`: the stylesheet and the logo.

use crate::helpers::{client, spawn_app};

#[actix_web::test]
async fn the_logo_is_served_and_is_every_page_s_icon() {
    let app = spawn_app().await;
    let response = client()
        .get(app.url("/static/logo.svg"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/svg+xml");
    assert!(response.text().await.unwrap().starts_with("<svg"));
    let login = client()
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(login.contains(r#"<link rel="icon" href="/static/logo.svg""#));
}
