using BenchmarkDotNet.Running;
using EdiGateway.Bench;

// Usage:
//   dotnet run -c Release --project bench/EdiGateway.Bench -- x12 --size-mb 1024 [--file path] [--guide amazon-vendor-central]
//   dotnet run -c Release --project bench/EdiGateway.Bench -- pipeline --sets 10000 --per-file 5
//   dotnet run -c Release --project bench/EdiGateway.Bench -- sage
//   dotnet run -c Release --project bench/EdiGateway.Bench -- as2 [--messages N] [--size-kb 100] [--parallel 1]
//   dotnet run -c Release --project bench/EdiGateway.Bench -- micro   (BenchmarkDotNet micro benchmarks)
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(X12WholeFileRun).Assembly).Run(args[1..]);
    return 0;
}
if (args.Length > 0 && args[0] == "x12") return X12WholeFileRun.Run(args[1..]);
if (args.Length > 0 && args[0] == "sets") return X12SetLoop.Run(args[1..]);
if (args.Length > 0 && args[0] == "pipeline") return await PipelineRun.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "sage") return await SagePostingRun.RunAsync();
if (args.Length > 0 && args[0] == "as2") return await As2Run.RunAsync(args[1..]);
Console.Error.WriteLine("usage: x12 --size-mb N [--file path] [--guide id] | pipeline [--sets 10000] [--per-file 5] | sage | as2 [--messages N] [--size-kb 100] [--parallel 1] | micro [BenchmarkDotNet args]");
return 2;
