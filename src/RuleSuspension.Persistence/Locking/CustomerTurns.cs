namespace RuleSuspension.Persistence.Locking;

/// <summary>
/// Customers' turns in this process, one at a time per customer id, in the order they were asked for: where the
/// database has no lock of its own per customer (SQLite), this is the customer's lock. A turn of several customers
/// takes them in the order given (the caller orders them), so two overlapping batches cannot deadlock. A customer's
/// entry lives only while someone holds or waits for its turn: memory follows the customers in flight, not all of them.
/// </summary>
internal sealed class CustomerTurns
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Customers whose turn is held or waited for now.</summary>
    public int InFlight
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Waits for the turn of every customer given, in the order given; disposing the answer gives them back.</summary>
    public async Task<IDisposable> TakeAsync(IReadOnlyList<string> orderedCustomerIds, CancellationToken cancellationToken)
    {
        var held = new Held(this, orderedCustomerIds.Count);
        try
        {
            foreach (var customerId in orderedCustomerIds)
            {
                var entry = Enter(customerId);
                try
                {
                    await entry.Turn.WaitAsync(cancellationToken);
                }
                catch
                {
                    Leave(entry);
                    throw;
                }

                held.Add(entry);
            }

            return held;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private Entry Enter(string customerId)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(customerId, out var entry))
            {
                entry = new Entry(customerId);
                _entries.Add(customerId, entry);
            }

            entry.Users++;
            return entry;
        }
    }

    private void Leave(Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(entry.CustomerId);
            }
        }
    }

    /// <summary>One customer's turn and how many hold or wait for it (the entry goes when none do).</summary>
    private sealed class Entry(string customerId)
    {
        public string CustomerId { get; } = customerId;

        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Held(CustomerTurns turns, int capacity) : IDisposable
    {
        private readonly List<Entry> _entries = new(capacity);

        public void Add(Entry entry) => _entries.Add(entry);

        public void Dispose()
        {
            // Given back in reverse order of taking; a waiter woken here counts as a user, so its entry stays.
            for (var i = _entries.Count - 1; i >= 0; i--)
            {
                _entries[i].Turn.Release();
                turns.Leave(_entries[i]);
            }

            _entries.Clear();
        }
    }
}
