namespace Waymark.Core.Matching;

/// <summary>
/// Remote blocks with their score bounds, taken highest bound first and, of equal bounds, lowest first id first (a binary
/// heap, in <see cref="Candidate"/> order): <see cref="Order"/> arranges them in linear time, and a search usually takes
/// only the few that can still reach its top.
/// </summary>
internal sealed class BlockQueue
{
    private double[] _bounds = new double[256];
    private int[] _blocks = new int[256];
    private Guid[] _firstIds = [];

    public int Count { get; private set; }

    /// <summary>The block with the highest bound (ties in no particular order); only after <see cref="Order"/>.</summary>
    public (double Bound, int Block) Best => (_bounds[0], _blocks[0]);

    /// <summary>Empties the queue, for blocks whose first ids are <paramref name="firstIds"/> (<see cref="ScoreTable.BlockFirstId"/>).</summary>
    public void Clear(Guid[] firstIds)
    {
        Count = 0;
        _firstIds = firstIds;
    }

    /// <summary>Adds a block; <see cref="Order"/> must follow before <see cref="Best"/> is read.</summary>
    public void Add(double bound, int block)
    {
        if (Count == _bounds.Length)
        {
            Array.Resize(ref _bounds, Count * 2);
            Array.Resize(ref _blocks, Count * 2);
        }
        _bounds[Count] = bound;
        _blocks[Count] = block;
        Count++;
    }

    /// <summary>Adds a block to a queue kept in order (by <see cref="Push"/> alone, or after <see cref="Order"/>).</summary>
    public void Push(double bound, int block)
    {
        Add(bound, block);
        var i = Count - 1;
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Before(bound, block, _bounds[parent], _blocks[parent]))
            {
                break;
            }
            _bounds[i] = _bounds[parent];
            _blocks[i] = _blocks[parent];
            i = parent;
        }
        _bounds[i] = bound;
        _blocks[i] = block;
    }

    public void Order()
    {
        for (var i = (Count / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    public void RemoveBest()
    {
        Count--;
        _bounds[0] = _bounds[Count];
        _blocks[0] = _blocks[Count];
        SiftDown(0);
    }

    private void SiftDown(int i)
    {
        var bound = _bounds[i];
        var block = _blocks[i];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }
            if (child + 1 < Count && Before(_bounds[child + 1], _blocks[child + 1], _bounds[child], _blocks[child]))
            {
                child++;
            }
            if (!Before(_bounds[child], _blocks[child], bound, block))
            {
                break;
            }
            _bounds[i] = _bounds[child];
            _blocks[i] = _blocks[child];
            i = child;
        }
        _bounds[i] = bound;
        _blocks[i] = block;
    }

    private bool Before(double bound, int block, double otherBound, int otherBlock) =>
        bound > otherBound || (bound == otherBound && _firstIds[block].CompareTo(_firstIds[otherBlock]) < 0);
}
