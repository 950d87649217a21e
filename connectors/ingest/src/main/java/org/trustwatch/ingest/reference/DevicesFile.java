package org.trustwatch.ingest.reference;

import java.util.ArrayList;
import java.util.List;
import org.trustwatch.ingest.csv.CsvTable;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DeviceType;
import org.trustwatch.schema.Role;

/** devices.csv: the asset register, including the school-issued encrypted memory sticks. */
final class DevicesFile extends ReferenceFile<DeviceRecord> {

    @Override
    List<String> requiredColumns() {
        return List.of("device_id", "school_id", "type");
    }

    @Override
    String schoolOf(DeviceRecord record) {
        return record.getSchoolId();
    }

    @Override
    String idColumn() {
        return "device_id";
    }

    @Override
    DeviceRecord parse(CsvTable.Row row) throws BadRow {
        List<Role> allowedRoles = new ArrayList<>();
        for (String role : Cells.list(row, "allowed_roles")) {
            allowedRoles.add(Cells.symbol(Role.class, "allowed_roles", role));
        }
        String hostname = Cells.optional(row, "hostname");
        String assignedUser = Cells.optional(row, "assigned_user");
        return DeviceRecord.newBuilder()
                .setDeviceId(Cells.required(row, "device_id"))
                .setHostname(hostname == null ? null : hostname.toLowerCase(java.util.Locale.ROOT))
                .setMac(Cells.optional(row, "mac"))
                .setSchoolId(Cells.required(row, "school_id"))
                .setAssignedUser(assignedUser == null ? null : assignedUser.toLowerCase(java.util.Locale.ROOT))
                .setType(Cells.symbol(DeviceType.class, "type", Cells.required(row, "type")))
                .setEncrypted(Cells.bool(row, "encrypted"))
                .setHoldsPersonalData(Cells.bool(row, "holds_personal_data"))
                .setSerial(Cells.optional(row, "serial"))
                .setLocation(Cells.optional(row, "location"))
                .setAllowedRoles(allowedRoles)
                .build();
    }
}
