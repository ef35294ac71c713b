import Foundation
import Prometheus

/// The service's Prometheus metrics, in a registry of its own (no global bootstrap, so several
/// services can run in one process, as the tests do): requests by route and status, their
/// duration, dossier actions, and the catalogue's revision.
public final class ServiceMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry = PrometheusCollectorRegistry()

    private static let buckets: [Duration] = [.microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
                                              .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                                              .milliseconds(500), .seconds(1), .seconds(2.5)]

    /// Creates the metrics.
    public init() {}

    /// Records a finished request. `route` is the matched route pattern (never the raw path, so
    /// that ids do not explode the label set).
    func request(method: String, route: String, status: Int, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: Self.durations, labels: [("method", method), ("route", route)], buckets: Self.buckets).record(duration)
    }

    /// Records a dossier action and its outcome (`ok` or the problem's code).
    func action(_ name: String, outcome: String) {
        registry.makeCounter(descriptor: Self.actions, labels: [("action", name), ("outcome", outcome)]).increment()
    }

    /// Records the catalogue in service.
    func catalog(revision: String, procedures: Int) {
        registry.makeGauge(descriptor: Self.catalogProcedures, labels: [("revision", revision)]).set(Double(procedures))
    }

    /// The exposition text.
    public func render() -> String { registry.emitToString() }

    static var requests: MetricNameDescriptor { MetricNameDescriptor(namespace: "tthc", subsystem: "http", metricName: "requests", unitName: "total",
                                               helpText: "HTTP requests by method, route and status.") }
    static var durations: MetricNameDescriptor { MetricNameDescriptor(namespace: "tthc", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                                                helpText: "HTTP request duration by method and route.") }
    static var actions: MetricNameDescriptor { MetricNameDescriptor(namespace: "tthc", subsystem: "dossier", metricName: "actions", unitName: "total",
                                              helpText: "Dossier actions (receive and act) by action and outcome.") }
    static var catalogProcedures: MetricNameDescriptor { MetricNameDescriptor(namespace: "tthc", subsystem: "catalog", metricName: "procedures", unitName: "count",
                                                        helpText: "Procedures in the catalogue in service, labelled by its revision.") }
}
