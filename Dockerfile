# Builds the server with its console; see docker-compose.yml for a PostgreSQL cluster of two nodes.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# ReadyToRun: the assemblies are compiled ahead of time, so the start JITs far less (docs/performance.md, "Start to
# healthy"). scripts/start-time.sh --publish runs this same command to time the deployed form; keep the two alike.
RUN dotnet publish src/RuleSuspension.Server -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
COPY workflows ./workflows
ENV Data__Directory=/data \
    Workflows__Directory=/app/workflows
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "RuleSuspension.Server.dll", "serve", "--urls", "http://0.0.0.0:8080"]
