CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "ApiKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiKeys" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" INTEGER NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "CustomerId" TEXT NULL,
    "Details" TEXT NOT NULL
);

CREATE TABLE "Customers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Customers" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "PlanId" TEXT NULL,
    "Tags" TEXT NOT NULL,
    "IdentityVerified" INTEGER NOT NULL,
    "Exempt" INTEGER NOT NULL,
    "AccountManagers" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Access_ActiveUser" INTEGER NOT NULL,
    "Access_IngestionEnabled" INTEGER NOT NULL,
    "Access_Invoiced" INTEGER NOT NULL,
    "Access_NotificationsEnabled" INTEGER NOT NULL,
    "Access_Portal" TEXT NOT NULL
);

CREATE TABLE "Events" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Events" PRIMARY KEY,
    "Type" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "CustomerId" TEXT NOT NULL,
    "Data" TEXT NOT NULL,
    "ReceivedAt" INTEGER NOT NULL
);

CREATE TABLE "Invoices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Invoices" PRIMARY KEY,
    "CustomerId" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "IssuedAt" TEXT NOT NULL,
    "DueDate" TEXT NOT NULL,
    "PaidAt" INTEGER NULL
);

CREATE TABLE "Opportunities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Opportunities" PRIMARY KEY,
    "CustomerId" TEXT NOT NULL,
    "BoardId" TEXT NOT NULL,
    "BoardName" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "Value" TEXT NOT NULL
);

CREATE TABLE "Outbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY,
    "Type" TEXT NOT NULL,
    "CustomerId" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "DeliveredAt" INTEGER NULL,
    "LastError" TEXT NULL,
    "NextAttemptAt" INTEGER NULL,
    "EmailedAt" INTEGER NULL,
    "EmailAttempts" INTEGER NOT NULL,
    "EmailLastError" TEXT NULL,
    "EmailNextAttemptAt" INTEGER NULL
);

CREATE TABLE "OverdueCheckFailures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OverdueCheckFailures" PRIMARY KEY AUTOINCREMENT,
    "RunId" TEXT NOT NULL,
    "CustomerId" TEXT NOT NULL,
    "Error" TEXT NOT NULL,
    "At" INTEGER NOT NULL
);

CREATE TABLE "OverdueCheckRuns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OverdueCheckRuns" PRIMARY KEY,
    "Trigger" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "AsOf" INTEGER NOT NULL,
    "AsOfDate" TEXT NULL,
    "ScheduledFor" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Executions" INTEGER NOT NULL,
    "Node" TEXT NULL,
    "StartedAt" INTEGER NULL,
    "EndedAt" INTEGER NULL,
    "Checked" INTEGER NOT NULL,
    "Warned" INTEGER NOT NULL,
    "Suspended" INTEGER NOT NULL,
    "Failed" INTEGER NOT NULL,
    "Error" TEXT NULL
);

CREATE TABLE "OverdueWarnings" (
    "CustomerId" TEXT NOT NULL,
    "InvoiceId" TEXT NOT NULL,
    "RunId" TEXT NOT NULL,
    "WarnedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_OverdueWarnings" PRIMARY KEY ("CustomerId", "InvoiceId")
);

CREATE TABLE "Plans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Plans" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "RequiresApproval" INTEGER NOT NULL
);

CREATE TABLE "RuleSetVersions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RuleSetVersions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Document" TEXT NOT NULL,
    "ParameterValues" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "Change" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "Tasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Tasks" PRIMARY KEY,
    "CustomerId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Outcomes" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "WorkflowInstanceId" TEXT NULL,
    "ActivityId" TEXT NULL,
    "Visit" INTEGER NOT NULL,
    "SuspensionId" TEXT NULL,
    "ReasonCode" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CompletedAt" INTEGER NULL,
    "CompletedBy" TEXT NULL,
    "CompletedByRole" TEXT NULL,
    "Outcome" TEXT NULL,
    "Reason" TEXT NULL
);

CREATE TABLE "Tenants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Tenants" PRIMARY KEY,
    "TimeZone" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "WorkflowInstances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowInstances" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "CustomerId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CurrentActivityId" TEXT NULL,
    "EventId" TEXT NULL,
    "EventOccurredAt" INTEGER NULL,
    "AsOf" TEXT NULL,
    "Variables" TEXT NOT NULL,
    "Bookmarks" TEXT NOT NULL,
    "Decision" TEXT NULL,
    "LastCompletion" TEXT NULL,
    "SuspensionId" TEXT NULL,
    "Visits" TEXT NOT NULL,
    "JournalLength" INTEGER NOT NULL,
    "Fault" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "CompletedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "WorkflowTimers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowTimers" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "CustomerId" TEXT NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "Fired" INTEGER NOT NULL,
    "FiredAt" INTEGER NULL
);

CREATE TABLE "WorkflowTriggers" (
    "DefinitionId" TEXT NOT NULL,
    "EventId" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    CONSTRAINT "PK_WorkflowTriggers" PRIMARY KEY ("DefinitionId", "EventId")
);

CREATE TABLE "WorkflowVersions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowVersions" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "PublishedAt" INTEGER NULL
);

CREATE TABLE "Suspensions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Suspensions" PRIMARY KEY,
    "CustomerId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ReasonCode" TEXT NOT NULL,
    "ReasonText" TEXT NOT NULL,
    "DecidedBy" TEXT NOT NULL,
    "WorkflowInstanceId" TEXT NULL,
    "RuleName" TEXT NULL,
    "SuspendedAt" INTEGER NOT NULL,
    "LiftedBy" TEXT NULL,
    "LiftedAt" INTEGER NULL,
    "LiftReason" TEXT NULL,
    "AccessBefore_ActiveUser" INTEGER NOT NULL,
    "AccessBefore_IngestionEnabled" INTEGER NOT NULL,
    "AccessBefore_Invoiced" INTEGER NOT NULL,
    "AccessBefore_NotificationsEnabled" INTEGER NOT NULL,
    "AccessBefore_Portal" TEXT NOT NULL,
    CONSTRAINT "FK_Suspensions_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkflowJournal" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkflowJournal" PRIMARY KEY AUTOINCREMENT,
    "InstanceId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "ActivityType" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "At" INTEGER NOT NULL,
    "Summary" TEXT NOT NULL,
    CONSTRAINT "FK_WorkflowJournal_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_ApiKeys_Hash" ON "ApiKeys" ("Hash");

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_AuditEntries_CustomerId_At" ON "AuditEntries" ("CustomerId", "At");

CREATE INDEX "IX_Customers_Status" ON "Customers" ("Status");

CREATE INDEX "IX_Customers_TenantId" ON "Customers" ("TenantId");

CREATE INDEX "IX_Events_CustomerId_OccurredAt" ON "Events" ("CustomerId", "OccurredAt");

CREATE INDEX "IX_Invoices_CustomerId" ON "Invoices" ("CustomerId");

CREATE INDEX "IX_Invoices_Unpaid_DueDate" ON "Invoices" ("DueDate", "CustomerId") WHERE "PaidAt" IS NULL;

CREATE INDEX "IX_Opportunities_CustomerId" ON "Opportunities" ("CustomerId");

CREATE INDEX "IX_Outbox_CustomerId" ON "Outbox" ("CustomerId");

CREATE INDEX "IX_Outbox_DeliveredAt_CreatedAt" ON "Outbox" ("DeliveredAt", "CreatedAt");

CREATE INDEX "IX_Outbox_DeliveredAt_NextAttemptAt" ON "Outbox" ("DeliveredAt", "NextAttemptAt");

CREATE INDEX "IX_Outbox_EmailedAt_EmailNextAttemptAt" ON "Outbox" ("EmailedAt", "EmailNextAttemptAt");

CREATE INDEX "IX_OverdueCheckFailures_RunId" ON "OverdueCheckFailures" ("RunId");

CREATE INDEX "IX_OverdueCheckRuns_CreatedAt" ON "OverdueCheckRuns" ("CreatedAt");

CREATE UNIQUE INDEX "IX_RuleSetVersions_Name_Version" ON "RuleSetVersions" ("Name", "Version");

CREATE INDEX "IX_Suspensions_CustomerId_SuspendedAt" ON "Suspensions" ("CustomerId", "SuspendedAt");

CREATE UNIQUE INDEX "UX_Suspensions_ActivePerCustomer" ON "Suspensions" ("CustomerId") WHERE "LiftedAt" IS NULL;

CREATE INDEX "IX_Tasks_CustomerId_Status" ON "Tasks" ("CustomerId", "Status");

CREATE INDEX "IX_Tasks_Status_CreatedAt" ON "Tasks" ("Status", "CreatedAt");

CREATE UNIQUE INDEX "IX_Tasks_WorkflowInstanceId_ActivityId_Visit" ON "Tasks" ("WorkflowInstanceId", "ActivityId", "Visit");

CREATE INDEX "IX_WorkflowInstances_CustomerId_Status" ON "WorkflowInstances" ("CustomerId", "Status");

CREATE INDEX "IX_WorkflowInstances_DefinitionId_DefinitionVersion" ON "WorkflowInstances" ("DefinitionId", "DefinitionVersion");

CREATE INDEX "IX_WorkflowInstances_Status" ON "WorkflowInstances" ("Status");

CREATE UNIQUE INDEX "IX_WorkflowJournal_InstanceId_Sequence" ON "WorkflowJournal" ("InstanceId", "Sequence");

CREATE INDEX "IX_WorkflowTimers_Fired_DueAt" ON "WorkflowTimers" ("Fired", "DueAt");

CREATE INDEX "IX_WorkflowTimers_InstanceId" ON "WorkflowTimers" ("InstanceId");

CREATE UNIQUE INDEX "IX_WorkflowVersions_DefinitionId_Version" ON "WorkflowVersions" ("DefinitionId", "Version");

CREATE INDEX "IX_WorkflowVersions_Status" ON "WorkflowVersions" ("Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121224220_Initial', '10.0.15');

CREATE TABLE "CatalogueChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CatalogueChanges" PRIMARY KEY AUTOINCREMENT,
    "At" INTEGER NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121232511_CatalogueChanges', '10.0.15');

DROP INDEX "IX_WorkflowJournal_InstanceId_Sequence";

CREATE TABLE "ef_temp_WorkflowJournal" (
    "InstanceId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "ActivityType" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Outcome" TEXT NULL,
    "Summary" TEXT NOT NULL,
    CONSTRAINT "PK_WorkflowJournal" PRIMARY KEY ("InstanceId", "Sequence"),
    CONSTRAINT "FK_WorkflowJournal_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_WorkflowJournal" ("InstanceId", "Sequence", "ActivityId", "ActivityType", "At", "Outcome", "Summary")
SELECT "InstanceId", "Sequence", "ActivityId", "ActivityType", "At", "Outcome", "Summary"
FROM "WorkflowJournal";

PRAGMA foreign_keys = 0;

DROP TABLE "WorkflowJournal";

ALTER TABLE "ef_temp_WorkflowJournal" RENAME TO "WorkflowJournal";

PRAGMA foreign_keys = 1;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122002057_JournalKey', '10.0.15');

ALTER TABLE "OverdueCheckFailures" ADD "WorkflowInstanceId" TEXT NULL;

ALTER TABLE "Customers" ADD "ExemptUntil" TEXT NULL;

CREATE TABLE "DecisionRecords" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DecisionRecords" PRIMARY KEY,
    "CustomerId" TEXT NOT NULL,
    "DecidedAt" INTEGER NOT NULL,
    "Origin" TEXT NOT NULL,
    "RuleSetKind" TEXT NOT NULL,
    "RuleSetName" TEXT NOT NULL,
    "RuleSetVersion" INTEGER NOT NULL,
    "RuleSetSource" TEXT NULL,
    "Parameters" TEXT NOT NULL,
    "Facts" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "ReasonCode" TEXT NULL,
    "Message" TEXT NULL,
    "FiredRules" TEXT NOT NULL
);

CREATE INDEX "IX_DecisionRecords_CustomerId_DecidedAt" ON "DecisionRecords" ("CustomerId", "DecidedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201185721_DecisionsExemptionsIncidents', '10.0.15');

CREATE TABLE "OutboxDeliveries" (
    "MessageId" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "NextAttemptAt" INTEGER NULL,
    "DeliveredAt" INTEGER NULL,
    CONSTRAINT "PK_OutboxDeliveries" PRIMARY KEY ("MessageId", "Channel"),
    CONSTRAINT "FK_OutboxDeliveries_Outbox_MessageId" FOREIGN KEY ("MessageId") REFERENCES "Outbox" ("Id") ON DELETE CASCADE
);

INSERT INTO "OutboxDeliveries" ("MessageId", "Channel", "Status", "Attempts", "LastError", "NextAttemptAt", "DeliveredAt")
SELECT "Id", 'Webhook',
  CASE WHEN "DeliveredAt" IS NOT NULL THEN 'Delivered' WHEN "Attempts" >= 12 THEN 'Failed' ELSE 'Pending' END,
  "Attempts", "LastError", CASE WHEN "DeliveredAt" IS NULL AND "Attempts" < 12 THEN "NextAttemptAt" END, "DeliveredAt"
FROM "Outbox";
INSERT INTO "OutboxDeliveries" ("MessageId", "Channel", "Status", "Attempts", "LastError", "NextAttemptAt", "DeliveredAt")
SELECT "Id", 'Email',
  CASE WHEN "EmailedAt" IS NOT NULL AND "EmailAttempts" = 0 THEN 'Skipped' WHEN "EmailedAt" IS NOT NULL THEN 'Delivered'
       WHEN "EmailAttempts" >= 12 THEN 'Failed' ELSE 'Pending' END,
  "EmailAttempts", "EmailLastError", CASE WHEN "EmailedAt" IS NULL AND "EmailAttempts" < 12 THEN "EmailNextAttemptAt" END, "EmailedAt"
FROM "Outbox" WHERE "Type" IN ('customer.suspended', 'customer.warned', 'customer.reactivated');

DROP INDEX "IX_Outbox_DeliveredAt_CreatedAt";

DROP INDEX "IX_Outbox_DeliveredAt_NextAttemptAt";

DROP INDEX "IX_Outbox_EmailedAt_EmailNextAttemptAt";

CREATE INDEX "IX_Outbox_CreatedAt" ON "Outbox" ("CreatedAt");

CREATE INDEX "IX_OutboxDeliveries_Channel_Status_NextAttemptAt" ON "OutboxDeliveries" ("Channel", "Status", "NextAttemptAt");

CREATE INDEX "IX_OutboxDeliveries_Status" ON "OutboxDeliveries" ("Status");

CREATE TABLE "ef_temp_Outbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY,
    "CreatedAt" INTEGER NOT NULL,
    "CustomerId" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "Type" TEXT NOT NULL
);

INSERT INTO "ef_temp_Outbox" ("Id", "CreatedAt", "CustomerId", "Payload", "Type")
SELECT "Id", "CreatedAt", "CustomerId", "Payload", "Type"
FROM "Outbox";

PRAGMA foreign_keys = 0;

DROP TABLE "Outbox";

ALTER TABLE "ef_temp_Outbox" RENAME TO "Outbox";

PRAGMA foreign_keys = 1;

CREATE INDEX "IX_Outbox_CreatedAt" ON "Outbox" ("CreatedAt");

CREATE INDEX "IX_Outbox_CustomerId" ON "Outbox" ("CustomerId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201201436_OutboxDeliveriesPerChannel', '10.0.15');

