package io.langnghe.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** UP while the cluster is green or yellow (a single node has no replicas to place). */
@Singleton
public class ElasticsearchHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ElasticsearchClient client;

    public ElasticsearchHealthIndicator(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        try {
            HealthResponse health = client.cluster().health();
            boolean red = health.status() == co.elastic.clients.elasticsearch._types.HealthStatus.Red;
            healthStatus = red ? HealthStatus.DOWN : HealthStatus.UP;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("cluster", health.clusterName());
            details.put("status", health.status().jsonValue());
            details.put("nodes", health.numberOfNodes());
            return details;
        } catch (Exception e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    @Override
    protected String getName() {
        return "elasticsearch";
    }
}
