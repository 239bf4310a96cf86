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
Full image reference.
*/}}
{{- define "port25-workflow.image" -}}
{{- printf "%s:%s" .Values.image.repository (include "port25-workflow.imageTag" .) }}
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
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.database.external) }}
{{- fail "replicaCount > 1 needs an external PostgreSQL shared by all replicas (database.external=true and database.url)" }}
{{- end }}
{{- if eq (include "port25-workflow.imageTag" .) "latest" }}
{{- fail "image.tag must not be latest: pin the version built by ./mvnw jib:dockerBuild" }}
{{- end }}
{{- end }}
