{{/*
Chart name, truncated to 63 characters (the DNS label limit).
*/}}
{{- define "port25-workflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: the release name, followed by the chart name unless the release name
already contains it. Truncated to 63 characters.
*/}}
{{- define "port25-workflow.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, as used by the helm.sh/chart label.
*/}}
{{- define "port25-workflow.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "port25-workflow.labels" -}}
helm.sh/chart: {{ include "port25-workflow.chart" . }}
{{ include "port25-workflow.selectorLabels" . }}
app.kubernetes.io/version: {{ include "port25-workflow.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: workflow-engine
app.kubernetes.io/part-of: port25
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels: never change them on an upgrade, a Deployment's selector is immutable.
*/}}
{{- define "port25-workflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "port25-workflow.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "port25-workflow.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "port25-workflow.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image tag: image.tag, or the chart's appVersion (the version jib tags the image with).
*/}}
{{- define "port25-workflow.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/*
Full image reference: by digest when image.digest is set (immutable), else by tag.
*/}}
{{- define "port25-workflow.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (include "port25-workflow.imageTag" .) }}
{{- end }}
{{- end }}

{{/*
Name of the Service that exposes the management port (metrics, health) inside the cluster; Prometheus scrapes it
and the alert rules select its job.
*/}}
{{- define "port25-workflow.managementServiceName" -}}
{{- printf "%s-management" (include "port25-workflow.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The label matchers of this release's metrics in PromQL.
*/}}
{{- define "port25-workflow.metricsSelector" -}}
{{- printf "namespace=%q, job=%q" .Release.Namespace (include "port25-workflow.managementServiceName" .) }}
{{- end }}

{{/*
Whether the staff Ingress keeps a staff member on one replica.
*/}}
{{- define "port25-workflow.staffAffinity" -}}
{{- if and .Values.ingress.enabled .Values.ingress.staff.enabled .Values.ingress.staff.cookieAffinity }}true{{ end }}
{{- end }}

{{/*
Guards, included from the Deployment: refuse values that would render a broken or unsafe
release. Renders nothing when the values are valid.
*/}}
{{- define "port25-workflow.validateValues" -}}
{{- if not .Values.existingSecret.name }}
{{- fail "existingSecret.name is required: credentials come from an existing Secret" }}
{{- end }}
{{- if not .Values.database.url }}
{{- fail "database.url is required: the JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://postgres:5432/port25" }}
{{- end }}
{{- if not .Values.kafka.bootstrapServers }}
{{- fail "kafka.bootstrapServers is required: the Kafka bootstrap servers, e.g. kafka:9092" }}
{{- end }}
{{- if not (or .Values.jwt.issuerUri .Values.jwt.jwkSetUri) }}
{{- fail "jwt.issuerUri or jwt.jwkSetUri is required: customers' bearer tokens are checked against it" }}
{{- end }}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.webapp.sharedSessions) (not (include "port25-workflow.staffAffinity" .)) }}
{{- fail "replicaCount > 1 needs shared staff sessions: keep webapp.sharedSessions=true (sessions in PostgreSQL) or enable the staff Ingress with ingress.staff.cookieAffinity; otherwise staff are logged out whenever a request reaches another replica" }}
{{- end }}
{{- if eq (include "port25-workflow.imageTag" .) "latest" }}
{{- fail "image.tag must not be latest: pin a release tag or image.digest" }}
{{- end }}
{{- if and (hasSuffix "-SNAPSHOT" (include "port25-workflow.imageTag" .)) (not .Values.image.digest) }}
{{- fail "image.tag is a -SNAPSHOT tag, which every build overwrites: pin a release tag or set image.digest" }}
{{- end }}
{{- if lt (int .Values.terminationGracePeriodSeconds) (add (int .Values.preStopSleepSeconds) 30) }}
{{- fail "terminationGracePeriodSeconds must be at least preStopSleepSeconds + 30 (Spring's graceful shutdown), or pods are killed while they finish their work" }}
{{- end }}
{{- if and (hasPrefix "SASL_" .Values.kafka.securityProtocol) (not .Values.kafka.sasl.existingSecret) }}
{{- fail "kafka.securityProtocol SASL_* needs kafka.sasl.existingSecret: the Secret with the SASL username and password" }}
{{- end }}
{{- if and (hasSuffix "SSL" .Values.kafka.securityProtocol) (not .Values.kafka.tls.existingSecret) }}
{{- fail "kafka.securityProtocol SSL or SASL_SSL needs kafka.tls.existingSecret: the Secret with the brokers' CA certificate" }}
{{- end }}
{{- if ne (empty .Values.kafka.tls.certificateKey) (empty .Values.kafka.tls.privateKeyKey) }}
{{- fail "kafka.tls.certificateKey and kafka.tls.privateKeyKey go together: a client certificate needs its key" }}
{{- end }}
{{- end }}

{{/*
The webapps' session store and cookies, as environment variables of the engine.
*/}}
{{- define "port25-workflow.webappEnv" -}}
{{- if not .Values.webapp.sharedSessions }}
- name: SPRING_AUTOCONFIGURE_EXCLUDE
  value: org.springframework.boot.autoconfigure.session.SessionAutoConfiguration
{{- end }}
- name: SERVER_SERVLET_SESSION_COOKIE_SECURE
  value: {{ .Values.webapp.secureCookies | quote }}
- name: CAMUNDA_BPM_WEBAPP_SESSIONCOOKIE_ENABLESECURECOOKIE
  value: {{ .Values.webapp.secureCookies | quote }}
- name: CAMUNDA_BPM_WEBAPP_CSRF_ENABLESECURECOOKIE
  value: {{ .Values.webapp.secureCookies | quote }}
- name: CAMUNDA_BPM_WEBAPP_HEADERSECURITY_HSTSDISABLED
  value: {{ not .Values.webapp.hsts.enabled | quote }}
- name: CAMUNDA_BPM_WEBAPP_HEADERSECURITY_HSTSMAXAGE
  value: {{ .Values.webapp.hsts.maxAgeSeconds | int64 | quote }}
- name: CAMUNDA_BPM_WEBAPP_HEADERSECURITY_HSTSINCLUDESUBDOMAINSDISABLED
  value: {{ not .Values.webapp.hsts.includeSubDomains | quote }}
{{- end }}

{{/*
Where the Kafka TLS Secret is mounted.
*/}}
{{- define "port25-workflow.kafkaTlsPath" -}}
/etc/port25/kafka-tls
{{- end }}

{{/*
Kafka's security protocol, SASL credentials (from their Secret, never in a value) and TLS material (an SSL bundle of
PEM files from the mounted Secret), as environment variables of the engine.
*/}}
{{- define "port25-workflow.kafkaSecurityEnv" -}}
{{- $kafka := .Values.kafka }}
- name: SPRING_KAFKA_SECURITY_PROTOCOL
  value: {{ $kafka.securityProtocol | quote }}
{{- if hasPrefix "SASL_" $kafka.securityProtocol }}
- name: PORT25_KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $kafka.sasl.existingSecret | quote }}
      key: {{ $kafka.sasl.usernameKey | quote }}
- name: PORT25_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $kafka.sasl.existingSecret | quote }}
      key: {{ $kafka.sasl.passwordKey | quote }}
- name: SPRING_KAFKA_PROPERTIES_SASL_MECHANISM
  value: {{ $kafka.sasl.mechanism | quote }}
{{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq $kafka.sasl.mechanism "PLAIN") }}
# the credentials are resolved by Spring from the two variables above
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"${PORT25_KAFKA_SASL_USERNAME}\" password=\"${PORT25_KAFKA_SASL_PASSWORD}\";" $module | quote }}
{{- end }}
{{- if $kafka.tls.existingSecret }}
- name: SPRING_KAFKA_SSL_BUNDLE
  value: kafka
- name: SPRING_SSL_BUNDLE_PEM_KAFKA_TRUSTSTORE_CERTIFICATE
  value: {{ printf "file:%s/%s" (include "port25-workflow.kafkaTlsPath" .) $kafka.tls.caCertificateKey | quote }}
{{- if $kafka.tls.certificateKey }}
- name: SPRING_SSL_BUNDLE_PEM_KAFKA_KEYSTORE_CERTIFICATE
  value: {{ printf "file:%s/%s" (include "port25-workflow.kafkaTlsPath" .) $kafka.tls.certificateKey | quote }}
- name: SPRING_SSL_BUNDLE_PEM_KAFKA_KEYSTORE_PRIVATEKEY
  value: {{ printf "file:%s/%s" (include "port25-workflow.kafkaTlsPath" .) $kafka.tls.privateKeyKey | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
runbook_url annotation of an alert, when metrics.prometheusRule.runbookBaseUrl is set: its section of the chart's
README. Arguments: the root context and the alert's name.
*/}}
{{- define "port25-workflow.runbookUrl" -}}
{{- $root := index . 0 }}
{{- $alert := index . 1 }}
{{- with $root.Values.metrics.prometheusRule.runbookBaseUrl }}
runbook_url: {{ printf "%s#%s" . (lower $alert) | quote }}
{{- end }}
{{- end }}
