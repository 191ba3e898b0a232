using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Events;
using RuleSuspension.Domain.Common;

namespace RuleSuspension.Application.Pipeline;

/// <summary>
/// Logs each command once it is done: its name, its customer, its outcome and how long it took; never its body. Done
/// at Debug (an event is a command: thousands a second), refused (bad input, a rule of the domain) at Information,
/// failed at Warning (the error itself is logged where it is answered).
/// </summary>
public sealed class CommandLoggingBehaviour<TCommand, TResult>(ILogger<CommandLog> logger)
    : IPipelineBehavior<TCommand, TResult>
    where TCommand : IBaseCommand
{
    // Once per command type, not per call.
    private static readonly string Name = typeof(TCommand).Name;

    public async ValueTask<TResult> Handle(TCommand command, MessageHandlerDelegate<TCommand, TResult> next, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var result = await next(command, cancellationToken);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                CommandLog.Done(logger, Name, CustomerOf(command), Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return result;
        }
        catch (Exception e) when (IsRefusal(e))
        {
            CommandLog.Refused(logger, Name, CustomerOf(command), e.GetType().Name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            throw;
        }
        catch (Exception e)
        {
            CommandLog.Failed(logger, Name, CustomerOf(command), e.GetType().Name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            throw;
        }
    }

    private static string? CustomerOf(TCommand command) => command is ICustomerCommand c ? c.Customer.ToString() : null;

    private static bool IsRefusal(Exception e)
        => e is RequestValidationException or DomainException or InvalidDocumentException or EventConflictException or OperationCanceledException;
}

/// <summary>The log category of <see cref="CommandLoggingBehaviour{TCommand,TResult}"/>, one for every command, and its messages.</summary>
public sealed partial class CommandLog
{
    private CommandLog()
    {
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Command} for {Customer}: done in {ElapsedMs:0.0} ms")]
    internal static partial void Done(ILogger logger, string command, string? customer, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} for {Customer}: refused ({Outcome}) in {ElapsedMs:0.0} ms")]
    internal static partial void Refused(ILogger logger, string command, string? customer, string outcome, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Command} for {Customer}: failed ({Outcome}) in {ElapsedMs:0.0} ms")]
    internal static partial void Failed(ILogger logger, string command, string? customer, string outcome, double elapsedMs);
}
