using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuleSuspension.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CatalogueChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
