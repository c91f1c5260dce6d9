using EdiGateway.Pipeline;

namespace EdiGateway.Flows.Warehouse;

/// <summary>Registers the 3PL warehouse flows: release (940), 945, 846 and the retry of waiting 945s.</summary>
public static class WarehouseRegistration
{
    public static IServiceCollection AddWarehouseFlows(this IServiceCollection services)
    {
        services.AddOptions<WarehouseOptions>().BindConfiguration(WarehouseOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<WarehouseStore>();
        services.AddSingleton<WarehouseFulfilment>();
        services.AddSingleton<WarehouseReleases>();
        services.AddSingleton<IFlowHandler, ShippingAdviceFlow>();
        services.AddSingleton<IFlowHandler, InventoryAdviceFlow>();
        services.AddSingleton<WarehouseRetry>();
        services.AddHostedService(sp => sp.GetRequiredService<WarehouseRetry>());
        return services;
    }
}
