package org.convergence.platform.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** Wrapping a Mongo database or collection in a proxy that fails or counts some calls: how tests stage a crash. */
public final class Interception {

    private Interception() {
    }

    /** Calls {@code method} on {@code target}, throwing what it threw rather than a reflection wrapper. */
    public static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A {@code type} whose every call goes to {@code handler}. */
    @SuppressWarnings("unchecked")
    public static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(Interception.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
