package org.callscore.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import org.callscore.testing.asterisk.TcpProxy;
import org.junit.After;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

/**
 * CallScore with its DataSource pointed at a {@link TcpProxy} in front of MariaDB, so a test can take the
 * database away and give it back without touching the MariaDB other tests use. The proxy is created stopped.
 */
public abstract class DatabaseOutageTestSupport extends CallScoreTestSupport {

    private static final String PROXY_PORT = "callscore.itest.db.proxy.port";

    protected final TcpProxy proxy = new TcpProxy(Integer.getInteger(PROXY_PORT, 0), 3306);

    @Configuration
    public Option[] configuration() {
        String port = String.valueOf(freePort());
        String url = System.getProperty("callscore.test.db.url").replace("127.0.0.1:3306", "127.0.0.1:" + port);
        return OptionUtils.combine(callScore(url), systemProperty(PROXY_PORT).value(port));
    }

    @After
    public void stopProxy() {
        proxy.close();
    }
}
