import CivicSDK
import Consultations
import Instances
import Pages
import Plans
import Reports

/// The one place that lists the modules compiled into the `opencommune` command. The CLI hands
/// this list to ``buildApplication(config:modules:logger:)`` and ``HostServices``; nothing else names a module.
enum InstalledModules {
    static let all: [any CivicModule.Type] = [PagesModule.self, PlansModule.self, ConsultationsModule.self,
                                              InstancesModule.self, ReportsModule.self]
}
