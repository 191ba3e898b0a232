using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuleSuspension.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DecisionsExemptionsIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "WorkflowInstanceId",
                table: "OverdueCheckFailures",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExemptUntil",
                table: "Customers",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DecisionRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Origin = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RuleSetKind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RuleSetName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    RuleSetVersion = table.Column<int>(type: "int", nullable: false),
                    RuleSetSource = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    Parameters = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Facts = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ReasonCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Message = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    FiredRules = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_CustomerId_DecidedAt",
                table: "DecisionRecords",
                columns: new[] { "CustomerId", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionRecords");

            migrationBuilder.DropColumn(
                name: "WorkflowInstanceId",
                table: "OverdueCheckFailures");

            migrationBuilder.DropColumn(
                name: "ExemptUntil",
                table: "Customers");
        }
    }
}
