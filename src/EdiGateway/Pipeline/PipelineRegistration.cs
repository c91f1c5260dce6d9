using EdiGateway.Flows.Amazon;
using EdiGateway.Flows.Amazon.Remittances;
using EdiGateway.Flows.Warehouse;
using EdiGateway.Transports;

namespace EdiGateway.Pipeline;

/// <summary>Registers the document pipeline: engine specs, partner lookup, inbound and outbound processing, flows, actors.</summary>
public static class PipelineRegistration
{
    public static IServiceCollection AddGatewayPipeline(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<EdiSpecs>();
        services.AddSingleton<PartnerDirectory>();
        services.AddSingleton<PartnerTransports>();
        services.AddSingleton<InboundNotifications>();
        services.AddSingleton<TransportLedger>();
        services.AddSingleton<OutboundGate>();
        services.AddSingleton<InboundProcessor>();
        services.AddSingleton<PipelineMonitor>();
        services.AddSingleton<AmazonOrders>();
        services.AddSingleton<ShipNoticeFlow>();
        services.AddSingleton<OrderAmendmentFlow>();
        services.AddSingleton<Flows.IAmazonDespatchNotifier>(sp => sp.GetRequiredService<ShipNoticeFlow>());
        services.AddSingleton<IFlowHandler, PurchaseOrderIntake>();
        services.AddSingleton<IFlowHandler, RemittanceFlow>();
        services.AddWarehouseFlows();
        foreach (var ackFlow in new[] { "amazon-997", "warehouse-997" })
        {
            services.AddSingleton<IFlowHandler>(sp => ActivatorUtilities.CreateInstance<FunctionalAckReconciler>(sp, ackFlow));
        }

        services.AddSingleton<DeadlineWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineWatcher>());
        services.AddSingleton<FlowHandlers>();
        services.AddSingleton<PipelineService>();
        services.AddSingleton<ExceptionActions>();
        services.AddHostedService(sp => sp.GetRequiredService<PipelineService>());
        services.AddHostedService<AmazonOrderProgress>();
        services.AddSingleton<InvoiceFlow>();
        services.AddHostedService(sp => sp.GetRequiredService<InvoiceFlow>());
        services.AddSingleton<SageDespatchWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<SageDespatchWatcher>());
        return services;
    }
}
