# Builds the server with its console; see docker-compose.yml for a PostgreSQL cluster of two nodes.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# ReadyToRun, self-contained and composite: the server, its packages and the .NET and ASP.NET Core frameworks are
# compiled ahead of time into one image, so code across them (generic instantiations, inlining) is precompiled too and
# the start JITs half as many methods (docs/performance.md, "Start to healthy, second pass"). It takes several
# minutes longer to publish. scripts/start-time.sh --publish runs this same command to time the deployed form; keep
# the two alike.
RUN dotnet publish src/RuleSuspension.Server -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o /app

# Self-contained: the image needs only the runtime's native dependencies, not a shared framework.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
COPY workflows ./workflows
ENV Data__Directory=/data \
    Workflows__Directory=/app/workflows
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["./RuleSuspension.Server", "serve", "--urls", "http://0.0.0.0:8080"]
