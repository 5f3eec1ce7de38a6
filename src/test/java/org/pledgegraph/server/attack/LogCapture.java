package org.pledgegraph.server.attack;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Every log event of the process while it is open, to count what one request writes to the log. */
final class LogCapture extends AbstractAppender implements AutoCloseable {
    final List<LogEvent> events = new CopyOnWriteArrayList<>();

    LogCapture() {
        super("attack-capture", null, null, true, Property.EMPTY_ARRAY);
        start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.addAppender(this, null, null);
        }
        config.getRootLogger().addAppender(this, null, null);
        context.updateLoggers();
    }

    @Override
    public void append(LogEvent event) {
        events.add(event.toImmutable());
    }

    long withStackTrace() {
        return events.stream().filter(e -> e.getThrown() != null).count();
    }

    long characters() {
        long n = 0;
        for (LogEvent e : events) {
            n += e.getMessage().getFormattedMessage().length();
            if (e.getThrown() != null) {
                n += 2000;
            }
        }
        return n;
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.removeAppender(getName());
        }
        config.getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
