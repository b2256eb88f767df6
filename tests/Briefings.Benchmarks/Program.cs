using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Briefings.Benchmarks -- --filter '*'
// (or a stage: --filter '*Read*'); BenchmarkDotNet lists what it finds with --list flat.
BenchmarkSwitcher.FromAssembly(typeof(Briefings.Benchmarks.Stages).Assembly).Run(args);
