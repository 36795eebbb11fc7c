# Multi-stage build of the site. Content is not baked in: mount it read-only at /content.
#   docker build -t almelo-perspectief .
#   docker run -p 8080:8080 -v "$PWD/content:/content:ro" -v perspectief-data:/data -e Site__BaseUrl=https://perspectief.almelo.nl almelo-perspectief
# The image runs in Production: Site__BaseUrl is the address readers use, and the site answers only to its host.
# See docs/deployment.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Almelo.Perspectief.sln ./
COPY content/ content/
COPY src/ src/
RUN dotnet publish src/Almelo.Perspectief.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# /data holds what an instance writes: the last good content and (if not shared elsewhere) the Data Protection keys.
RUN mkdir -p /data/laatst-goed /data/keys && chown -R app:app /data
# The non-root user that the .NET images provide.
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Content__Path=/content \
    Content__SnapshotPath=/data/laatst-goed \
    DataProtection__KeysPath=/data/keys
EXPOSE 8080
VOLUME ["/data"]
ENTRYPOINT ["dotnet", "Almelo.Perspectief.Web.dll"]
