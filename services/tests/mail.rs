//! Mail through SMTP: a small SMTP server on 127.0.0.1 receives what the outbox sends.

use services::config::{Smtp, SmtpTls};
use services::{accounts, mail, on_both_databases, Services};
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// Serves SMTP sessions on `listener` and sends what each client sent after DATA.
async fn fake_smtp(listener: TcpListener, received: tokio::sync::mpsc::UnboundedSender<String>) {
    loop {
        let (stream, _) = listener.accept().await.unwrap();
        let received = received.clone();
        tokio::spawn(async move {
            let data = smtp_session(stream).await;
            if !data.is_empty() {
                let _ = received.send(data);
            }
        });
    }
}

async fn smtp_session(stream: tokio::net::TcpStream) -> String {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    if write.write_all(b"220 fake ESMTP\r\n").await.is_err() {
        return String::new();
    }
    let mut data = String::new();
    let mut in_data = false;
    while let Ok(Some(line)) = lines.next_line().await {
        if in_data {
            if line == "." {
                in_data = false;
                let _ = write.write_all(b"250 queued\r\n").await;
            } else {
                data.push_str(&line);
                data.push('\n');
            }
            continue;
        }
        let verb = line.split_whitespace().next().unwrap_or("").to_uppercase();
        let answer: &[u8] = match verb.as_str() {
            "EHLO" | "HELO" => b"250 fake\r\n",
            "DATA" => {
                in_data = true;
                b"354 go ahead\r\n"
            }
            "QUIT" => {
                let _ = write.write_all(b"221 bye\r\n").await;
                break;
            }
            _ => b"250 ok\r\n",
        };
        if write.write_all(answer).await.is_err() {
            break;
        }
    }
    data
}

async fn outbox_mail_is_sent_through_smtp(s: Services) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let server = tokio::spawn(fake_smtp(listener, tx));
    let mut config = (*s.config).clone();
    config.smtp = Some(Smtp {
        host: "127.0.0.1".into(),
        port,
        username: None,
        password: None,
        from: "Ruche <noreply@example.be>".into(),
        tls: SmtpTls::None,
    });
    let s = Services {
        db: s.db,
        config: Arc::new(config),
    };
    accounts::create_user(
        &s.db,
        "lea@example.be",
        "Léa",
        domain::Language::Fr,
        Some("a password"),
        None,
        &[domain::Role::Member],
    )
    .await
    .unwrap();
    accounts::request_password_reset(&s, None, "lea@example.be")
        .await
        .unwrap();
    mail::deliver_pending(&s).await.unwrap();
    let received = tokio::time::timeout(std::time::Duration::from_secs(10), rx.recv())
        .await
        .unwrap()
        .unwrap();
    server.abort();
    assert!(received.contains("To: lea@example.be"), "{received}");
    assert!(received.contains("reset-password?token="), "{received}");
    let outbox = mail::list(&s.db, Some("lea@example.be"), 5).await.unwrap();
    assert!(outbox[0].sent_at_ms.is_some(), "marked as sent");
    assert_eq!(outbox[0].error, None);
    assert!(
        !outbox[0].body.contains("token="),
        "admins never see the link"
    );
    // Once sent, the link is gone from the table too.
    use sea_orm::EntityTrait;
    let rows = services::entities::outbox::Entity::find()
        .all(&s.db)
        .await
        .unwrap();
    assert!(rows.iter().all(|m| !m.body.contains("token=")));
}

on_both_databases!(outbox_mail_is_sent_through_smtp);
