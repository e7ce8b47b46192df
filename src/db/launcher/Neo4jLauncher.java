import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community (the engine of the official server, from its Maven Central artifacts) with
 * the Bolt connector, for machines without a Docker engine. Started and stopped by
 * src/db/local-neo4j.ts; prints "CTKG_NEO4J_READY" once Bolt accepts connections.
 *
 * Usage: java -cp <classpath> Neo4jLauncher <home> <boltHost> <boltPort> <passwordFile> <pageCacheMiB>
 *        [<txTimeoutSeconds> <txMemoryMiB>]
 *
 * The transaction timeout and memory cap are the server's own backstops: the service also sends a
 * timeout with every statement, which takes precedence, so they hold on any Neo4j.
 */
public final class Neo4jLauncher {
  public static void main(String[] args) throws Exception {
    if (args.length != 5 && args.length != 7) {
      System.err.println("usage: Neo4jLauncher <home> <boltHost> <boltPort> <passwordFile> <pageCacheMiB> [<txTimeoutSeconds> <txMemoryMiB>]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    String host = args[1];
    int port = Integer.parseInt(args[2]);
    String password = Files.readString(Path.of(args[3])).strip();
    long pageCache = Long.parseLong(args[4]);
    long txTimeout = args.length == 7 ? Long.parseLong(args[5]) : 60;
    long txMemory = args.length == 7 ? Long.parseLong(args[6]) : 512;

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCache))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeout))
        .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(txMemory))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // SIGTERM/SIGINT: a clean shutdown flushes the store so the next start needs no recovery.
      dbms.shutdown();
      stopped.countDown();
    }, "ctkg-neo4j-shutdown"));

    setPassword(dbms, password);
    System.out.println("CTKG_NEO4J_READY bolt://" + host + ":" + port);
    System.out.flush();
    stopped.await();
  }

  /** Sets the neo4j user's password; the embedded system database needs no login to do it. */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      // Neo4j refuses to set the password it already has: that is the normal case on a restart.
      String message = String.valueOf(e.getMessage());
      if (!message.contains("Old password and new password cannot be the same")) throw e;
    }
  }
}
