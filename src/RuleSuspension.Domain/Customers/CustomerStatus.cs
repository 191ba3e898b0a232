namespace RuleSuspension.Domain.Customers;

public enum CustomerStatus
{
    Active,
    Suspended,
}
