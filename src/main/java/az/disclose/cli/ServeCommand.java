package az.disclose.cli;

import az.disclose.serve.SiteServer;
import az.disclose.serve.Watcher;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jetty.server.Server;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Build the site, serve it locally and rebuild it whenever content/ or theme/ change.")
final class ServeCommand implements Callable<Integer> {
  @Mixin SiteOptions options;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int first = BuildCommand.build(options, out, err);
    if (first == Main.FAILURE) {
      return first;
    }
    Server server = SiteServer.create(host, port, options.out);
    server.start();
    out.printf("serving %s at http://%s:%d/ (Ctrl+C to stop); watching %s and %s%n",
        options.out, host, SiteServer.port(server), options.content, options.theme);
    out.flush();
    try {
      new Watcher(List.of(options.content, options.theme), Duration.ofMillis(50),
          () -> BuildCommand.build(options, out, err)).run();
    } finally {
      server.stop();
    }
    return Main.OK;
  }
}
