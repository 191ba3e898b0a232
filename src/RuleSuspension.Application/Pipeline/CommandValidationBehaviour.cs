using FluentValidation;
using Mediator;

namespace RuleSuspension.Application.Pipeline;

/// <summary>
/// Runs the message's validators (FluentValidation, found in this assembly, beside their command) before anything else
/// is done: every error of every validator is answered at once as a <see cref="RequestValidationException"/>, keyed
/// by the field, and the handler never runs.
/// </summary>
public sealed class CommandValidationBehaviour<TMessage, TResult>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResult>
    where TMessage : IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators as IValidator<TMessage>[] ?? validators.ToArray();

    public ValueTask<TResult> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResult> next, CancellationToken cancellationToken)
    {
        if (_validators.Length > 0)
        {
            Validate(message);
        }

        return next(message, cancellationToken);
    }

    private void Validate(TMessage message)
    {
        var errors = new ValidationErrors();
        foreach (var validator in _validators)
        {
            foreach (var failure in validator.Validate(message).Errors)
            {
                errors.Add(failure.PropertyName, failure.ErrorMessage);
            }
        }

        errors.ThrowIfAny();
    }
}

/// <summary>
/// A validator written with the project's checks (<see cref="InputLimits"/>, <see cref="ValidationErrors"/>): the
/// limits stay in one place and the messages stay as they were; FluentValidation finds and runs it.
/// </summary>
public abstract class CommandValidator<TCommand> : AbstractValidator<TCommand>
{
    protected CommandValidator()
    {
        RuleFor(command => command).Custom((command, context) =>
        {
            var errors = new ValidationErrors();
            Check(command, errors);
            errors.CopyTo(context);
        });
    }

    /// <summary>Records every problem of <paramref name="command"/> in <paramref name="errors"/>.</summary>
    protected abstract void Check(TCommand command, ValidationErrors errors);
}
