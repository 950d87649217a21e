package org.trustwatch.workload.plant;

import java.util.ArrayList;
import java.util.List;

/** Every planted scenario, in the catalogue's order (C01 to C18). */
public final class Scenarios {

    private Scenarios() {}

    public static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(LostDevicePlanter.scenarios());
        all.addAll(RemovableMediaPlanter.scenarios());
        all.addAll(MisdirectedEmailPlanter.scenarios());
        all.addAll(InsecureTransferPlanter.scenarios());
        all.addAll(ContentPlanter.scenarios());
        all.addAll(FilterBypassPlanter.scenarios());
        all.addAll(AccessPlanter.scenarios());
        all.addAll(SharingPlanter.scenarios());
        all.addAll(MalwarePlanter.scenarios());
        all.addAll(HackingToolPlanter.scenarios());
        all.addAll(SoftwarePlanter.scenarios());
        all.addAll(UploadPlanter.scenarios());
        all.addAll(MassEmailPlanter.scenarios());
        all.addAll(SafeguardingPlanter.scenarios());
        all.addAll(PersonalUsePlanter.scenarios());
        all.addAll(ImpersonationPlanter.scenarios());
        all.addAll(SelfReportPlanter.scenarios());
        return all;
    }
}
