using System.Buffers;

namespace CustomerTiering.Domain.Grading;

/// <summary>
/// Scratch arrays of one grading run, rented from the shared pool and all returned at the end: a million-customer run
/// needs about 60 MB of them, which repeated runs (shards, what-ifs) should not allocate and fault in again and again.
/// Rented arrays can be longer than asked and hold old values: callers write before they read.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private readonly List<Action> _returns = [];

    public T[] Rent<T>(int length)
    {
        var array = ArrayPool<T>.Shared.Rent(length);
        _returns.Add(() => ArrayPool<T>.Shared.Return(array));
        return array;
    }

    public void Dispose()
    {
        foreach (var giveBack in _returns)
        {
            giveBack();
        }

        _returns.Clear();
    }
}
