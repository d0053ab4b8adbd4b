# Either service, built from the repository root; docker compose up --build passes the arguments:
#   docker build --build-arg MODULE=order-command --build-arg PORT=8080 -t order-service .
#   docker build --build-arg MODULE=payment-command --build-arg PORT=8081 -t payment-service .
ARG MODULE=order-command
ARG PORT=8080

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests -pl ${MODULE} -am package

FROM eclipse-temurin:17-jre
ARG MODULE
ARG PORT
# curl for the health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 service
COPY --from=build /src/${MODULE}/target/${MODULE}-*-exec.jar /app/service.jar
USER service
# The port the service listens on (Spring's server.port) and the health check asks.
ENV SERVER_PORT=${PORT}
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fs "http://localhost:${SERVER_PORT}/actuator/health" || exit 1
# The JVM's options: C1 only (docs/adr/0021-the-services-compile-with-c1-only.md); set JAVA_OPTS to choose others.
ENV JAVA_OPTS="-XX:TieredStopAtLevel=1"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/service.jar \"$@\"", "service"]
