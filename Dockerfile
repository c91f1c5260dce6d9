# The appliance image: `docker compose up` builds it (see docker-compose.yml and README "Operations").
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/EdiGateway/EdiGateway.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends openssh-client curl openssl && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/edigw
COPY --from=build /app /opt/edigw/bin
COPY appsettings.json /opt/edigw/appsettings.json
COPY edi-specs /opt/edigw/edi-specs
COPY partners /opt/edigw/partners
ENV EDIGW_HOME=/opt/edigw
VOLUME ["/opt/edigw/data"]
EXPOSE 5080
ENTRYPOINT ["dotnet", "/opt/edigw/bin/edigw.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:5080"]
