//! The accept loop. Each connection is served by hyper directly, so that a `reset` fault
//! can drop that one connection with a TCP RST instead of sending any response.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use hyper::body::{Body, Bytes, Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use signicat_emulator_core::{BodyTimeout, Ending};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::time::Sleep;
use tower_service::Service;

/// A request body that fails with [`BodyTimeout`] unless it has arrived whole within `limit`
/// of its first read, so a client that announces a body and never sends it is answered.
struct TimedBody {
    inner: Incoming,
    limit: Duration,
    deadline: Option<Pin<Box<Sleep>>>,
}

impl TimedBody {
    fn new(inner: Incoming, limit: Duration) -> Self {
        TimedBody {
            inner,
            limit,
            deadline: None,
        }
    }
}

impl Body for TimedBody {
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = self.get_mut();
        if let Poll::Ready(frame) = Pin::new(&mut this.inner).poll_frame(cx) {
            return Poll::Ready(frame.map(|f| f.map_err(Into::into)));
        }
        // Counted from the first read, so a handler that reads late (a `slow` fault) is not cut short.
        let limit = this.limit;
        let deadline = this
            .deadline
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Some(Err(Box::new(BodyTimeout)))),
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

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

pub async fn serve(listener: TcpListener, router: Router, body_timeout: Duration) {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                tokio::spawn(connection(stream, router.clone(), body_timeout));
            }
            Err(err) => {
                // Out of file descriptors and the like: back off instead of spinning.
                eprintln!("accept failed: {err}");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

async fn connection(stream: TcpStream, router: Router, body_timeout: Duration) {
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
            let request = request.map(|body| TimedBody::new(body, body_timeout));
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
