namespace Briefings.Writing;

/// <summary>Where a generated file goes: a site-relative path and the code that writes its bytes. A build writes
/// into its staging folder, <c>serve</c> into the live site; large files (the data files) stream to disk either
/// way instead of being held whole in memory.</summary>
public delegate void FileSink(string relativePath, Action<Stream> write);
