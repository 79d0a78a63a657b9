package az.disclose.cli;

import az.disclose.config.SettingsLoader;
import az.disclose.content.ContentLoader;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.web.IntakeLimits;
import az.disclose.serve.SiteServer;
import az.disclose.site.SiteBuilder;
import az.disclose.site.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jetty.server.Server;

/**
 * The test project's site, built, and served with the request inbox in front as {@code serve} does,
 * on a free port of 127.0.0.1; the site's form posts to this server. For the browser tests.
 */
record ServedSite(Inbox inbox, Server server, String base) implements AutoCloseable {

  static ServedSite start(Path dir) throws Exception {
    TestSites.copyProject(dir);
    Path content = dir.resolve("content");
    Inbox inbox = Inbox.open(InboxSettings.defaults(dir.resolve("data")), content, Clock.systemUTC());
    Server server = ServeCommand.siteWithInbox("127.0.0.1", 0, null, IntakeLimits.defaults(),
        dir.resolve("data").resolve("uploads"), dir.resolve("site"), dir.resolve("theme"), inbox,
        new SettingsLoader().load(content), new ContentLoader().load(content).pages(), null);
    server.start();
    String base = "http://127.0.0.1:" + SiteServer.port(server);
    // The form posts to the endpoint of site.yaml: this server's.
    Path siteYaml = content.resolve("site.yaml");
    Files.writeString(siteYaml, Files.readString(siteYaml).replace("http://127.0.0.1:8080/requests", base + "/requests"));
    new SiteBuilder(content, dir.resolve("theme"), dir.resolve("site")).build();
    return new ServedSite(inbox, server, base);
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      inbox.close();
    }
  }
}
