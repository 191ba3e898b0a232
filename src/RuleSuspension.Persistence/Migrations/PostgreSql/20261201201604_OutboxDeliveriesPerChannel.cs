using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuleSuspension.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OutboxDeliveriesPerChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutboxDeliveries",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxDeliveries", x => new { x.MessageId, x.Channel });
                    table.ForeignKey(
                        name: "FK_OutboxDeliveries_Outbox_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Outbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Each message's webhook and email state move into their own rows before the old columns go (12: the
            // default MaxAttempts, past which a delivery was a dead letter).
            migrationBuilder.Sql(@"INSERT INTO ""OutboxDeliveries"" (""MessageId"", ""Channel"", ""Status"", ""Attempts"", ""LastError"", ""NextAttemptAt"", ""DeliveredAt"")
SELECT ""Id"", 'Webhook',
  CASE WHEN ""DeliveredAt"" IS NOT NULL THEN 'Delivered' WHEN ""Attempts"" >= 12 THEN 'Failed' ELSE 'Pending' END,
  ""Attempts"", ""LastError"", CASE WHEN ""DeliveredAt"" IS NULL AND ""Attempts"" < 12 THEN ""NextAttemptAt"" END, ""DeliveredAt""
FROM ""Outbox"";
INSERT INTO ""OutboxDeliveries"" (""MessageId"", ""Channel"", ""Status"", ""Attempts"", ""LastError"", ""NextAttemptAt"", ""DeliveredAt"")
SELECT ""Id"", 'Email',
  CASE WHEN ""EmailedAt"" IS NOT NULL AND ""EmailAttempts"" = 0 THEN 'Skipped' WHEN ""EmailedAt"" IS NOT NULL THEN 'Delivered'
       WHEN ""EmailAttempts"" >= 12 THEN 'Failed' ELSE 'Pending' END,
  ""EmailAttempts"", ""EmailLastError"", CASE WHEN ""EmailedAt"" IS NULL AND ""EmailAttempts"" < 12 THEN ""EmailNextAttemptAt"" END, ""EmailedAt""
FROM ""Outbox"" WHERE ""Type"" IN ('customer.suspended', 'customer.warned', 'customer.reactivated');");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_DeliveredAt_CreatedAt",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_DeliveredAt_NextAttemptAt",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_EmailedAt_EmailNextAttemptAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "EmailAttempts",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "EmailLastError",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "EmailNextAttemptAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "EmailedAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_CreatedAt",
                table: "Outbox",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxDeliveries_Channel_Status_NextAttemptAt",
                table: "OutboxDeliveries",
                columns: new[] { "Channel", "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxDeliveries_Status",
                table: "OutboxDeliveries",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_CreatedAt",
                table: "Outbox");

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "Outbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveredAt",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmailAttempts",
                table: "Outbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EmailLastError",
                table: "Outbox",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmailNextAttemptAt",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmailedAt",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "Outbox",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_DeliveredAt_CreatedAt",
                table: "Outbox",
                columns: new[] { "DeliveredAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_DeliveredAt_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "DeliveredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_EmailedAt_EmailNextAttemptAt",
                table: "Outbox",
                columns: new[] { "EmailedAt", "EmailNextAttemptAt" });
        }
    }
}
