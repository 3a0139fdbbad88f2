# Infusion Bridge: build with Maven, run on a JRE as a non-root user.
#   docker build -t infusion-bridge .
#   docker run -p 8080:8080 -v "$PWD/routes:/app/routes" -v "$PWD/config:/app/config" -v bridge-data:/app/data \
#     -e INFUSION_BASE_URL=... -e INFUSION_LICENSE_UUID=... -e INFUSION_SESSION_UUID=... infusion-bridge run

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so a source change does not download them again.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY routes routes
COPY config config
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system bridge && useradd --system --gid bridge --home-dir /app --shell /usr/sbin/nologin bridge
WORKDIR /app
COPY --from=build /src/target/infusion-bridge.jar /app/infusion-bridge.jar
COPY --chown=bridge:bridge routes /app/routes
COPY --chown=bridge:bridge config /app/config
RUN mkdir -p /app/data && chown bridge:bridge /app/data
ENV BRIDGE_DATA_DIR=/app/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# Routes and settings are the user's to edit; the data dir holds the H2 mirror, inboxes and reports.
VOLUME ["/app/routes", "/app/config", "/app/data"]
# bridge.http-port: the webhook receiver (POST /webhooks/infusion) and the health check (GET /observe/health).
EXPOSE 8080
USER bridge
ENTRYPOINT ["java", "-jar", "/app/infusion-bridge.jar"]
CMD ["run"]
