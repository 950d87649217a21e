package org.trustwatch.elastic.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Installs what Trustwatch needs in a cluster, on any Elasticsearch 8.x/9.x with or without x-pack: a component
 * template for what every raw event shares, an index template per event source (monthly indices, aliases
 * {@code trustwatch-events} and {@code trustwatch-events-<source>}), the incidents and audit templates, and the
 * incidents and audit indices behind their aliases. Running it again changes nothing; after an upgrade it brings templates and existing indices to
 * the new mapping version, as far as the change is additive.
 */
public final class IndexLayer {

    static final List<String> COMPONENT_TEMPLATES = List.of("trustwatch-events-common");
    static final List<String> INDEX_TEMPLATES = List.of(
            "trustwatch-incidents",
            "trustwatch-audit",
            "trustwatch-events-proxy",
            "trustwatch-events-mail",
            "trustwatch-events-endpoint",
            "trustwatch-events-report");

    private final ElasticsearchClient client;
    private final List<String> actions = new ArrayList<>();

    private IndexLayer(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Installs or upgrades the layer.
     *
     * @return what it changed, one line per change; empty when everything was already in place
     * @throws IndexLayerException when the cluster holds something in the way, or a mapping change is not additive
     * @throws IOException when the cluster cannot be reached
     */
    public static List<String> install(ElasticsearchClient client) throws IOException {
        IndexLayer layer = new IndexLayer(client);
        for (Template template : templates()) {
            layer.putIfNewer(template);
        }
        layer.createAliasedIndex(IndexNames.INCIDENTS_ALIAS, IndexNames.INCIDENTS_INDEX);
        layer.createAliasedIndex(IndexNames.AUDIT_ALIAS, IndexNames.AUDIT_INDEX);
        for (Template template : templates()) {
            if (template.kind() == Template.Kind.INDEX) {
                layer.upgradeIndices(template);
            }
        }
        return List.copyOf(layer.actions);
    }

    /** Components first, since an index template may only name components that exist. */
    static List<Template> templates() {
        List<Template> templates = new ArrayList<>();
        COMPONENT_TEMPLATES.forEach(name -> templates.add(Template.load(name, Template.Kind.COMPONENT)));
        INDEX_TEMPLATES.forEach(name -> templates.add(Template.load(name, Template.Kind.INDEX)));
        return templates;
    }

    private void putIfNewer(Template template) throws IOException {
        Long installed = installedVersion(template);
        if (installed != null && installed >= template.mappingVersion()) {
            // equal: nothing to do; higher: a newer Trustwatch installed it and older code must not downgrade it
            return;
        }
        if (template.kind() == Template.Kind.COMPONENT) {
            client.cluster()
                    .putComponentTemplate(put -> put.name(template.name()).withJson(template.body()));
        } else {
            client.indices().putIndexTemplate(put -> put.name(template.name()).withJson(template.body()));
        }
        actions.add((installed == null ? "installed " : "upgraded ") + kindName(template) + " " + template.name()
                + " (mapping version " + (installed == null ? "" : installed + " -> ") + template.mappingVersion()
                + ")");
    }

    private Long installedVersion(Template template) throws IOException {
        try {
            if (template.kind() == Template.Kind.COMPONENT) {
                var found = client.cluster().getComponentTemplate(get -> get.name(template.name()));
                return found.componentTemplates().isEmpty()
                        ? null
                        : found.componentTemplates().get(0).componentTemplate().version();
            }
            var found = client.indices().getIndexTemplate(get -> get.name(template.name()));
            return found.indexTemplates().isEmpty()
                    ? null
                    : found.indexTemplates().get(0).indexTemplate().version();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /**
     * An index created with its alias as the write index, so that readers and writers use the alias (the incidents,
     * the audit log): a later non-additive mapping change can then move the alias to a new index.
     */
    private void createAliasedIndex(String alias, String index) throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            return;
        }
        if (client.indices().exists(e -> e.index(alias)).value()) {
            throw new IndexLayerException("an index named " + alias
                    + " exists where Trustwatch needs an alias of that name (something wrote to it before the index"
                    + " layer was installed). What to do: if it holds nothing of value, delete it and start again;"
                    + " otherwise copy its documents into " + index + " first.");
        }
        try {
            client.indices().create(create -> create.index(index).aliases(alias, a -> a.isWriteIndex(true)));
            actions.add("created index " + index + " behind alias " + alias);
        } catch (ElasticsearchException e) {
            // another task installing at the same moment created it first
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /**
     * Applies a newer template mapping to the indices made from an older one. Elasticsearch accepts new fields on an
     * existing index but refuses to change the type of a field; that needs a new index, which is the person's call.
     */
    private void upgradeIndices(Template template) throws IOException {
        Map<String, IndexMappingRecord> indices = new TreeMap<>(client.indices()
                .getMapping(get -> get.index(template.indexPatterns()))
                .result());
        for (Map.Entry<String, IndexMappingRecord> index : indices.entrySet()) {
            long recorded = mappingVersion(index.getValue().mappings());
            if (recorded >= template.mappingVersion()) {
                continue;
            }
            TypeMapping wanted = client.indices()
                    .simulateIndexTemplate(simulate -> simulate.name(index.getKey()))
                    .template()
                    .mappings();
            try {
                client.indices().putMapping(put -> put.index(index.getKey())
                        .properties(wanted.properties())
                        .meta(wanted.meta())
                        .dynamic(wanted.dynamic()));
            } catch (ElasticsearchException e) {
                if (e.status() != 400) {
                    throw e;
                }
                throw new IndexLayerException(
                        "index " + index.getKey() + " has mapping version " + recorded
                                + " and template " + template.name() + " has " + template.mappingVersion()
                                + ", but Elasticsearch cannot apply the change in place: "
                                + e.error().reason()
                                + ". The change is not additive (a field changed type or options). What to do: keep the old"
                                + " index as it is; for incidents, create " + nextIndexName(index.getKey())
                                + " from the new template, copy the documents into it and move the alias; for monthly event"
                                + " indices, let the new month's index take the new mapping and the old ones age out.",
                        e);
            }
            actions.add("upgraded mapping of " + index.getKey() + " (mapping version " + recorded + " -> "
                    + template.mappingVersion() + ")");
        }
    }

    static long mappingVersion(TypeMapping mapping) {
        JsonData version = mapping == null ? null : mapping.meta().get(Template.VERSION_KEY);
        return version == null ? 0 : version.to(Long.class);
    }

    private static String nextIndexName(String index) {
        int dash = index.lastIndexOf('-');
        String suffix = index.substring(dash + 1);
        if (dash < 0 || !suffix.matches("\\d{6}")) {
            return index + "-v2";
        }
        return index.substring(0, dash + 1) + String.format("%06d", Integer.parseInt(suffix) + 1);
    }

    private static String kindName(Template template) {
        return template.kind() == Template.Kind.COMPONENT ? "component template" : "index template";
    }
}
