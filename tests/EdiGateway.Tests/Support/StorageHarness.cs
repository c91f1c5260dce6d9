using EdiGateway.Hosting;
using EdiGateway.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EdiGateway.Tests.Support;

/// <summary>The storage services over one database (a SQLite file or a PostgreSQL database), migrated and ready.</summary>
public sealed class StorageHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private StorageHarness(ServiceProvider services, TempDirectory home, FakeTimeProvider clock)
    {
        this.services = services;
        Home = home;
        Clock = clock;
    }

    public TempDirectory Home { get; }

    public FakeTimeProvider Clock { get; }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public static async Task<StorageHarness> CreateAsync(DatabaseOptions database, TempDirectory? home = null)
    {
        home ??= new TempDirectory();
        Directory.CreateDirectory(home.Combine("partners"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero));
        var collection = new ServiceCollection();
        collection.AddSingleton(new GatewayHome(home.Path));
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<IOptions<GatewayOptions>>(Options.Create(new GatewayOptions()));
        collection.AddSingleton<IOptions<DatabaseOptions>>(Options.Create(database));
        collection.AddGatewayStorage();
        var provider = collection.BuildServiceProvider();
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        return new StorageHarness(provider, home, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        Home.Dispose();
    }
}
