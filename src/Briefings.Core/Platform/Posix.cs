using System.Runtime.InteropServices;

namespace Briefings.Platform;

/// <summary>The few Linux system calls .NET does not expose and the build needs to keep a promise: what kind of
/// file an entry is (a named pipe must be reported, not opened), whether a folder is a mount point, an advisory
/// lock that the kernel drops when its process dies (even by <c>kill -9</c>), and the atomic exchange of two
/// folders. Elsewhere (macOS, Windows) each has a documented fallback, chosen where it is called.</summary>
internal static class Posix
{
    public static bool Available => OperatingSystem.IsLinux();

    public enum Kind { Missing, File, Directory, Link, Pipe, Socket, CharDevice, BlockDevice, Other }

    /// <summary>What a path is (a link's target, unless <paramref name="followLinks"/> is false), its device and
    /// whether it is the root of a mount. statx's layout is the same on every Linux architecture, unlike stat's.</summary>
    public readonly record struct Status(Kind Kind, ulong Device, bool MountRoot, int Errno);

    public static Status Stat(string path, bool followLinks = true)
    {
        Span<byte> buffer = stackalloc byte[256];
        int rc = statx(AtFdCwd, path, (followLinks ? 0 : AtSymlinkNoFollow) | AtNoAutomount, StatxType | StatxBasic, ref MemoryMarshal.GetReference(buffer));
        if (rc != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return new Status(Kind.Missing, 0, false, errno);
        }
        ushort mode = MemoryMarshal.Read<ushort>(buffer[28..]);
        ulong attributes = MemoryMarshal.Read<ulong>(buffer[8..]);
        ulong attributesMask = MemoryMarshal.Read<ulong>(buffer[56..]);
        ulong device = ((ulong)MemoryMarshal.Read<uint>(buffer[136..]) << 32) | MemoryMarshal.Read<uint>(buffer[140..]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => Kind.File,
            0x4000 => Kind.Directory,
            0xA000 => Kind.Link,
            0x1000 => Kind.Pipe,
            0xC000 => Kind.Socket,
            0x2000 => Kind.CharDevice,
            0x6000 => Kind.BlockDevice,
            _ => Kind.Other,
        };
        bool mountRoot = (attributesMask & StatxAttrMountRoot) != 0 && (attributes & StatxAttrMountRoot) != 0;
        return new Status(kind, device, mountRoot, 0);
    }

    /// <summary>What a reader calls a kind of file that is not one.</summary>
    public static string Describe(Kind kind) => kind switch
    {
        Kind.Pipe => "a named pipe (FIFO)",
        Kind.Socket => "a socket",
        Kind.CharDevice => "a character device",
        Kind.BlockDevice => "a block device",
        Kind.Directory => "a folder",
        Kind.Link => "a link",
        _ => "not a regular file",
    };

    /// <summary>Opens a folder and takes an exclusive advisory lock on it without waiting; the kernel releases it
    /// when the handle is closed or the process ends, however it ends. Null when another process holds it.</summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle? TryLockFolder(string path, out int errno)
    {
        int fd = open(path, ORdOnly | ODirectory | OCloExec);
        if (fd < 0) { errno = Marshal.GetLastPInvokeError(); throw new IOException($"{path}: {Cause(errno)}"); }
        var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        if (flock(fd, LockExclusive | LockNonBlocking) == 0) { errno = 0; return handle; }
        errno = Marshal.GetLastPInvokeError();
        handle.Dispose();
        return null;
    }

    /// <summary>Takes an exclusive advisory lock on a folder, waiting for it; null where the file system has no locks.</summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle? LockFolder(string path)
    {
        int fd = open(path, ORdOnly | ODirectory | OCloExec);
        if (fd < 0) throw new IOException($"{path}: {Cause(Marshal.GetLastPInvokeError())}");
        var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        while (flock(fd, LockExclusive) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == EIntr) continue;
            handle.Dispose();
            if (errno is ENoLck or EOpNotSupp or EBadF or EInval) return null;
            throw new IOException($"{path}: {Cause(errno)}");
        }
        return handle;
    }

    /// <summary>Swaps two paths in one step (renameat2 with RENAME_EXCHANGE): at every moment each name holds one
    /// whole folder. False, with nothing done, where the system or file system cannot (errno EINVAL or ENOSYS).</summary>
    public static bool TryExchange(string a, string b)
    {
        if (renameat2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0) return true;
        int errno = Marshal.GetLastPInvokeError();
        if (errno is EInval or ENoSys or EOpNotSupp) return false;
        throw new IOException($"{b}: {Cause(errno)}");
    }

    /// <summary>The bytes of each name of an absolute path (split at '/'), as the file system holds them. .NET decodes
    /// a name that is not UTF-8 with U+FFFD for each bad byte and cannot give the bytes back, so such a name is looked
    /// up in its folder's listing (opendir, readdir) as the entry that decodes to it. Null when none does, or two.</summary>
    public static IReadOnlyList<byte[]>? NameBytes(string path)
    {
        var names = path.Split('/');
        var raw = new List<byte[]>(names.Length);
        foreach (var name in names)
        {
            if (!name.Contains('\uFFFD')) { raw.Add(System.Text.Encoding.UTF8.GetBytes(name)); continue; }
            var folder = raw.SelectMany((b, i) => i == 0 ? b : [(byte)'/', .. b]).ToList();
            if (folder.Count == 0) folder.Add((byte)'/');
            byte[]? match = null;
            foreach (var entry in List([.. folder, 0]))
                if (System.Text.Encoding.UTF8.GetString(entry) == name)
                {
                    if (match is not null) return null;
                    match = entry;
                }
            if (match is null) return null;
            raw.Add(match);
        }
        return raw;
    }

    /// <summary>The names in a folder (a NUL-terminated path), as bytes; none when it cannot be read.</summary>
    private static List<byte[]> List(byte[] folder)
    {
        var names = new List<byte[]>();
        var dir = opendir(folder);
        if (dir == IntPtr.Zero) return names;
        try
        {
            // struct dirent is d_ino (8 bytes), d_off (8), d_reclen (2), d_type (1), then d_name, on every Linux.
            for (var entry = readdir(dir); entry != IntPtr.Zero; entry = readdir(dir))
                names.Add(Bytes(entry + 19));
        }
        finally { closedir(dir); }
        return names;
    }

    /// <summary>A NUL-terminated string's bytes.</summary>
    private static byte[] Bytes(IntPtr text)
    {
        int n = 0;
        while (Marshal.ReadByte(text, n) != 0) n++;
        var bytes = new byte[n];
        Marshal.Copy(text, bytes, 0, n);
        return bytes;
    }

    /// <summary>The canonical path (every link resolved), or null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        var result = realpath(path, IntPtr.Zero);
        if (result == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(result); }
        finally { free(result); }
    }

    /// <summary>The system's words for an error number: "No space left on device".</summary>
    public static string Cause(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    public const int EIntr = 4, EBadF = 9, EAccess = 13, EBusy = 16, EXDev = 18, EInval = 22, ENoSpc = 28, ERoFs = 30, ENoLck = 37, ENoSys = 38, EOpNotSupp = 95, EWouldBlock = 11;
    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, AtNoAutomount = 0x800;
    private const uint StatxType = 0x1, StatxBasic = 0x7ff;
    private const ulong StatxAttrMountRoot = 0x2000;
    private const int ORdOnly = 0, ODirectory = 0x10000, OCloExec = 0x80000;
    private const int LockExclusive = 2, LockNonBlocking = 4;
    private const uint RenameExchange = 2;

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, string path, int flags, uint mask, ref byte buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int flock(int fd, int operation);

    [DllImport("libc", SetLastError = true)]
    private static extern int renameat2(int olddirfd, string oldpath, int newdirfd, string newpath, uint flags);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath(string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr opendir(byte[] path);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr readdir(IntPtr dir);

    [DllImport("libc")]
    private static extern int closedir(IntPtr dir);

    /// <summary>The system's reason, without the path .NET puts in its messages: "No space left on device".</summary>
    public static string CauseOf(Exception e)
    {
        if (e is UnauthorizedAccessException) return "permission denied";
        // On Linux .NET keeps the errno in the low bits of HResult for the errors of file system calls.
        int errno = e.HResult & 0xFFFF;
        if (e is IOException && e.HResult is > 0 and < 4096) return Cause(errno).TrimEnd('.');
        var message = e.Message.ReplaceLineEndings(" ");
        int path = message.IndexOf(" : '", StringComparison.Ordinal);
        return (path > 0 ? message[..path] : message).TrimEnd('.');
    }
}
