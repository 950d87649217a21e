package org.trustwatch.schema.ecs;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/** The tree of ECS paths of one record schema: objects by path segment, fields at the leaves. */
final class EcsLayout {

    /** The property that names a field's ECS path. */
    static final String ECS_PROPERTY = "ecs";

    private final Node root;

    private EcsLayout(Node root) {
        this.root = root;
    }

    Node root() {
        return root;
    }

    static EcsLayout of(Schema schema) {
        Node root = new Node("", null);
        for (Schema.Field field : schema.getFields()) {
            Object path = field.getObjectProp(ECS_PROPERTY);
            if (!(path instanceof String dotted) || dotted.isBlank()) {
                throw new IllegalArgumentException(
                        schema.getFullName() + "." + field.name() + " has no '" + ECS_PROPERTY + "' path");
            }
            root.add(schema.getFullName(), dotted, dotted.split("\\."), 0, field);
        }
        return new EcsLayout(root);
    }

    static final class Node {
        private final String name;
        private final Schema.Field field;
        /** Whether the leaf holds a {@code timestamp-millis}: decided once, not for every value written. */
        private final boolean timestamp;

        private final List<Node> children = new ArrayList<>();
        private final List<Integer> leafPositions = new ArrayList<>();

        Node(String name, Schema.Field field) {
            this.name = name;
            this.field = field;
            this.timestamp = field != null && isTimestamp(field.schema());
        }

        /** Alone or as the non-null branch of an optional field. */
        private static boolean isTimestamp(Schema schema) {
            if (schema.getType() == Schema.Type.UNION) {
                return schema.getTypes().stream().anyMatch(Node::isTimestamp);
            }
            return schema.getLogicalType() instanceof org.apache.avro.LogicalTypes.TimestampMillis;
        }

        boolean isTimestamp() {
            return timestamp;
        }

        String name() {
            return name;
        }

        Schema.Field field() {
            return field;
        }

        boolean isLeaf() {
            return field != null;
        }

        List<Node> children() {
            return children;
        }

        /** Whether any field below this object is set, so that no empty object is written. */
        boolean hasValue(IndexedRecord record) {
            for (int position : leafPositions) {
                if (record.get(position) != null) {
                    return true;
                }
            }
            return false;
        }

        private void add(String record, String path, String[] segments, int depth, Schema.Field leaf) {
            leafPositions.add(leaf.pos());
            String segment = segments[depth];
            Node child = children.stream()
                    .filter(c -> c.name.equals(segment))
                    .findFirst()
                    .orElse(null);
            boolean last = depth == segments.length - 1;
            if (child != null && (last || child.isLeaf())) {
                throw new IllegalArgumentException(record + ": ecs path '" + path + "' collides with the path of field "
                        + (child.isLeaf() ? child.field.name() : "another field"));
            }
            if (last) {
                children.add(new Node(segment, leaf));
                return;
            }
            if (child == null) {
                child = new Node(segment, null);
                children.add(child);
            }
            child.add(record, path, segments, depth + 1, leaf);
        }
    }
}
