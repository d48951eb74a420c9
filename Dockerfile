# One image for every service: `docker run kamerstroom ingest|enrich|index` (docker-compose.yml
# sets the command per service). Build: docker build -t kamerstroom:0.1.0 .

# --- build: the launcher jar and its dependencies ------------------------------------------
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
# The Maven repository is a cache mount: rebuilding after a source change downloads nothing.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q -pl launcher -am package -DskipTests

# --- run: a JRE, Tesseract for scanned PDFs, a non-root user ---------------------------------
FROM eclipse-temurin:21-jre
# Tika uses Tesseract by itself when it is installed; the Dutch model is for scanned Kamerstukken.
# curl is for the health checks.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-nld curl \
    && rm -rf /var/lib/apt/lists/*
# Named volumes start as a copy of these folders, so they belong to the service's user.
RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home kamerstroom \
    && mkdir -p /data/inbox /data/done /data/failed /var/lib/kamerstroom/enrich /var/lib/kamerstroom/index \
    && chown -R kamerstroom:kamerstroom /data /var/lib/kamerstroom
WORKDIR /app
COPY --from=build /src/launcher/target/lib/ /app/lib/
COPY --from=build /src/launcher/target/kamerstroom.jar /app/kamerstroom.jar
USER kamerstroom
ENV HTTP_BIND=0.0.0.0 \
    INBOX_DIR=/data/inbox DONE_DIR=/data/done FAILED_DIR=/data/failed \
    STATE_DIR=/var/lib/kamerstroom/enrich INDEX_DIR=/var/lib/kamerstroom/index
# The heap follows the container's memory limit; an out-of-memory error restarts the container
# instead of leaving a half-working JVM.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", \
            "-cp", "/app/kamerstroom.jar:/app/lib/*", "nl.kamerstroom.launcher.Kamerstroom"]
CMD ["--help"]
