package dev.convlab.ui;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Vert.x whose HTTP servers listen on one host and port, whatever their {@code listen} call asks for.
 * DL4J 1.0.0-M2.1's UI server calls {@code listen(port, handler)}, which Vert.x 3.9 binds to 0.0.0.0 (every
 * interface), and takes no host from any option or system property; this is the one place the address can be set.
 */
final class BoundVertx {
    private BoundVertx() {
    }

    static Vertx wrap(Vertx vertx, String host, int port) {
        return proxy(vertx, (self, method, args) -> {
            Object result = invoke(vertx, method, args);
            return result instanceof HttpServer server && method.getName().equals("createHttpServer")
                    ? boundServer(server, host, port) : result;
        });
    }

    private static HttpServer boundServer(HttpServer server, String host, int port) {
        return proxy(server, new InvocationHandler() {
            @Override
            public Object invoke(Object self, Method method, Object[] args) throws Throwable {
                Object result;
                if (method.getName().equals("listen")) {
                    // every overload: the handler (if any) is the last argument; host and port are ours
                    Object handler = args != null && args.length > 0
                            && args[args.length - 1] instanceof Handler<?> h ? h : null;
                    result = handler == null ? server.listen(port, host) : listen(server, handler);
                } else {
                    result = BoundVertx.invoke(server, method, args);
                }
                // fluent calls return the server itself: keep handing out the bound one
                return result == server ? self : result;
            }

            @SuppressWarnings("unchecked")
            private Object listen(HttpServer s, Object handler) {
                return s.listen(port, host, (Handler<AsyncResult<HttpServer>>) handler);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(T target, InvocationHandler handler) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            interfaces.addAll(Arrays.asList(c.getInterfaces()));
        }
        return (T) Proxy.newProxyInstance(target.getClass().getClassLoader(), interfaces.toArray(Class<?>[]::new),
                handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
