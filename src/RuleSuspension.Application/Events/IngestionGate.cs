namespace RuleSuspension.Application.Events;

/// <summary>
/// How many events may be in their unit of work at once, and how many may wait for a turn (<c>Limits:Ingestion</c>).
/// A burst then queues in the server instead of piling onto the database's connections, and past the queue it is
/// answered 503 at once, storing nothing, for the host to resend under the same id.
/// </summary>
public sealed record IngestionLimits
{
    /// <summary>Events in their unit of work at once (holding a connection and a customer's lock).</summary>
    public int MaxConcurrent { get; init; } = Math.Max(4, 4 * Environment.ProcessorCount);

    /// <summary>Events waiting for a turn; one more is answered 503.</summary>
    public int QueueLength { get; init; } = 512;

    /// <summary>The <c>Retry-After</c> of a 503, in seconds.</summary>
    public int RetryAfterSeconds { get; init; } = 1;
}

/// <summary>The ingestion queue is full: answered 503 with <c>Retry-After</c>; nothing of the event was stored.</summary>
public sealed class IngestionQueueFullException(int retryAfterSeconds)
    : Exception("The server is taking in as many events as it can; send this one again under the same id.")
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}

/// <summary>Admits events to their unit of work: at most <see cref="IngestionLimits.MaxConcurrent"/> at once, in arrival order.</summary>
public sealed class IngestionGate
{
    private readonly IngestionLimits _limits;
    private readonly SemaphoreSlim _turns;
    private int _waiting;

    public IngestionGate(InputLimits limits)
    {
        _limits = limits.Ingestion;
        _turns = new SemaphoreSlim(_limits.MaxConcurrent, _limits.MaxConcurrent);
    }

    /// <summary>Events waiting for a turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for a turn; the turn ends when the result is disposed.</summary>
    /// <exception cref="IngestionQueueFullException">The queue is full.</exception>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_turns.Wait(0))
        {
            if (Interlocked.Increment(ref _waiting) > _limits.QueueLength)
            {
                Interlocked.Decrement(ref _waiting);
                throw new IngestionQueueFullException(_limits.RetryAfterSeconds);
            }

            try
            {
                await _turns.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        return new Turn(_turns);
    }

    public readonly struct Turn(SemaphoreSlim? turns) : IDisposable
    {
        /// <summary>No turn taken (a command that does not queue): disposing it releases nothing.</summary>
        public static Turn None => default;

        public void Dispose() => turns?.Release();
    }
}
