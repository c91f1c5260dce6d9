using EdiGateway.Sandbox;

// SANDBOX Sage 200 simulator: dotnet run --project src/EdiGateway.Sandbox -- --urls http://127.0.0.1:5180
var builder = WebApplication.CreateBuilder(args);
builder.AddSageSandbox();
var app = builder.Build();
app.MapSageSandbox();
app.Run();

/// <summary>Entry point (public for WebApplicationFactory).</summary>
public partial class Program;
