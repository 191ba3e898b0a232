using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RuleSuspension.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class JournalKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_WorkflowJournal",
                table: "WorkflowJournal");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowJournal_InstanceId_Sequence",
                table: "WorkflowJournal");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "WorkflowJournal");

            migrationBuilder.AddPrimaryKey(
                name: "PK_WorkflowJournal",
                table: "WorkflowJournal",
                columns: new[] { "InstanceId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_WorkflowJournal",
                table: "WorkflowJournal");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "WorkflowJournal",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "PK_WorkflowJournal",
                table: "WorkflowJournal",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowJournal_InstanceId_Sequence",
                table: "WorkflowJournal",
                columns: new[] { "InstanceId", "Sequence" },
                unique: true);
        }
    }
}
