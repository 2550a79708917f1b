import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/**
 * Health probe of the local Kafka broker used by ./portcullis stack: asks the broker for its cluster
 * description and topic list over the Kafka protocol. Exit status 0 when a broker and a controller
 * answer, 1 otherwise. Usage: java KafkaProbe host:port
 */
public final class KafkaProbe {
    public static void main(final String[] args) {
        final Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(props)) {
            final DescribeClusterResult cluster = admin.describeCluster();
            final int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
            final boolean controller = cluster.controller().get(3, TimeUnit.SECONDS) != null;
            admin.listTopics().names().get(3, TimeUnit.SECONDS);
            System.out.println("cluster " + cluster.clusterId().get(3, TimeUnit.SECONDS) + " nodes " + nodes);
            System.exit(nodes > 0 && controller ? 0 : 1);
        } catch (final Exception ex) {
            System.out.println("not ready: " + ex);
            System.exit(1);
        }
    }
}
