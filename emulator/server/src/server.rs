//! The accept loop. Each connection is served by hyper directly, so that a `reset` fault
//! can drop that one connection with a TCP RST instead of sending any response.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use signicat_emulator_core::Ending;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tower_service::Service;

/// Lets a request end its own connection abruptly.
#[derive(Clone, Default)]
struct Connection {
    kill: Arc<Notify>,
}

impl Connection {
    /// Drops the connection without a response.
    fn reset(&self) {
        self.kill.notify_one();
    }
}

pub async fn serve(listener: TcpListener, router: Router) {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                tokio::spawn(connection(stream, router.clone()));
            }
            Err(err) => {
                // Out of file descriptors and the like: back off instead of spinning.
                eprintln!("accept failed: {err}");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

async fn connection(stream: TcpStream, router: Router) {
    let _ = stream.set_nodelay(true);
    // A second handle on the socket, to switch on SO_LINGER 0 (an RST on close) when resetting.
    let (stream, twin) = match stream.into_std().and_then(|s| {
        let twin = s.try_clone()?;
        Ok((TcpStream::from_std(s)?, twin))
    }) {
        Ok(pair) => pair,
        Err(err) => {
            eprintln!("cannot serve a connection: {err}");
            return;
        }
    };
    let control = Connection::default();
    let handle = control.clone();
    let service = service_fn(move |request: hyper::Request<Incoming>| {
        let mut router = router.clone();
        let handle = handle.clone();
        async move {
            let response = match router.call(request).await {
                Ok(response) => response,
                Err(never) => match never {},
            };
            if response.extensions().get::<Ending>() == Some(&Ending::Reset) {
                handle.reset();
                // The select below drops this future together with the socket.
                return std::future::pending().await;
            }
            Ok::<_, Infallible>(response)
        }
    });
    // The timer arms hyper's default 30 s limit for reading request headers.
    let served = http1::Builder::new()
        .timer(TokioTimer::new())
        .serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = served => {}
        _ = control.kill.notified() => {
            let _ = socket2::SockRef::from(&twin).set_linger(Some(Duration::ZERO));
        }
    }
}
