using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuleSuspension.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ExemptUntil : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExemptUntil",
                table: "Customers",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExemptUntil",
                table: "Customers");
        }
    }
}
