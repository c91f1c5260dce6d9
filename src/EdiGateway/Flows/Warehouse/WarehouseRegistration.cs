using EdiGateway.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdiGateway.Flows.Warehouse;

/// <summary>Registers the 3PL warehouse flows: release (940), 945, 943/944, 947, 846 and the retry of waiting 945s.</summary>
public static class WarehouseRegistration
{
    public static IServiceCollection AddWarehouseFlows(this IServiceCollection services)
    {
        services.AddOptions<WarehouseOptions>().BindConfiguration(WarehouseOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<WarehouseStore>();
        services.AddSingleton<WarehouseSets>();
        services.AddSingleton<WarehouseFulfilment>();
        services.AddSingleton<WarehouseReleases>();
        services.AddSingleton<IFlowHandler, ShippingAdviceFlow>();
        services.AddSingleton<IFlowHandler, InventoryAdviceFlow>();
        services.AddSingleton<StockTransfers>();
        services.TryAddSingleton<ISageStockWriter, SageClientStockWriter>();
        services.AddSingleton<StockReceiptFlows>();
        services.AddSingleton<IFlowHandler>(sp => sp.GetRequiredService<StockReceiptFlows>().Receipts);
        services.AddSingleton<IFlowHandler>(sp => sp.GetRequiredService<StockReceiptFlows>().Adjustments);
        services.AddSingleton<WarehouseRetry>();
        services.AddHostedService(sp => sp.GetRequiredService<WarehouseRetry>());
        services.AddSingleton<WarehouseStatusRelease>();
        services.AddHostedService(sp => sp.GetRequiredService<WarehouseStatusRelease>());
        return services;
    }
}
