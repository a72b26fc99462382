# --- Network: the account's default VPC (public subnets). Tasks get public IPs, so no NAT
# gateway is needed (one costs about $33 a month before traffic); only the load balancer's
# security group is open to the internet.
data "aws_vpc" "default" {
  default = true
}

data "aws_subnets" "default" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.default.id]
  }
}

resource "aws_security_group" "lb" {
  name   = "${var.name}-lb"
  vpc_id = data.aws_vpc.default.id

  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "app" {
  name   = "${var.name}-app"
  vpc_id = data.aws_vpc.default.id

  ingress {
    description     = "only the load balancer reaches the API"
    from_port       = 8000
    to_port         = 8000
    protocol        = "tcp"
    security_groups = [aws_security_group.lb.id]
  }

  egress {
    description = "the database, Secrets Manager, ECR and CloudWatch"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name   = "${var.name}-db"
  vpc_id = data.aws_vpc.default.id

  ingress {
    description     = "only the app's tasks (API, worker, one-off tasks) reach PostgreSQL"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}

resource "aws_security_group" "redis" {
  name   = "${var.name}-redis"
  vpc_id = data.aws_vpc.default.id

  ingress {
    description     = "only the app's tasks reach Redis"
    from_port       = 6379
    to_port         = 6379
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}

# --- Load balancer: HTTP here to stay small; production adds an ACM certificate, a 443
# listener and a redirect from 80.
resource "aws_lb" "app" {
  name               = var.name
  load_balancer_type = "application"
  security_groups    = [aws_security_group.lb.id]
  subnets            = data.aws_subnets.default.ids
}

resource "aws_lb_target_group" "app" {
  name                 = var.name
  port                 = 8000
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = data.aws_vpc.default.id
  deregistration_delay = 30 # seconds a draining task keeps its in-flight requests

  health_check {
    path    = "/ready" # 503 while the database is unreachable: no traffic to this task
    matcher = "200"
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

# --- The image registry: immutable tags, so a tag always means the same image.
resource "aws_ecr_repository" "app" {
  name                 = var.name
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

# --- PostgreSQL, managed: backups, patches and failover are AWS's job.
resource "random_password" "db" {
  length  = 32
  special = false # the password goes into a URL
}

resource "aws_db_instance" "db" {
  identifier                = var.name
  engine                    = "postgres"
  engine_version            = "17"
  instance_class            = "db.t4g.micro"
  allocated_storage         = 20
  storage_type              = "gp3"
  storage_encrypted         = true
  db_name                   = "capstone"
  username                  = "capstone"
  password                  = random_password.db.result
  vpc_security_group_ids    = [aws_security_group.db.id]
  publicly_accessible       = false
  multi_az                  = false # true doubles the price and gives a standby in another zone
  backup_retention_period   = 7
  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.name}-final"
}

# --- Redis, managed: the cache, rate limits, real-time fan-out and the Celery broker.
resource "aws_elasticache_subnet_group" "redis" {
  name       = var.name
  subnet_ids = data.aws_subnets.default.ids
}

resource "aws_elasticache_cluster" "redis" {
  cluster_id         = var.name
  engine             = "redis"
  engine_version     = "7.1"
  node_type          = "cache.t4g.micro"
  num_cache_nodes    = 1
  port               = 6379
  subnet_group_name  = aws_elasticache_subnet_group.redis.name
  security_group_ids = [aws_security_group.redis.id]
}

# --- Secrets: one JSON secret; ECS injects each key as an environment variable. Three database
# logins (deploy/README.md): the owner (`capstone`, RDS's master user) migrates and creates the
# two others; the API logs in as capstone_api, the worker as capstone_worker.
resource "random_password" "api_db" {
  length  = 32
  special = false
}

resource "random_password" "worker_db" {
  length  = 32
  special = false
}

resource "random_password" "jwt" {
  length = 48
}

resource "random_password" "cursor" {
  length = 48
}

resource "aws_secretsmanager_secret" "app" {
  name = "${var.name}/app"
}

resource "aws_secretsmanager_secret_version" "app" {
  secret_id = aws_secretsmanager_secret.app.id

  secret_string = jsonencode({
    OWNER_DATABASE_URL  = "postgresql://capstone:${random_password.db.result}@${aws_db_instance.db.address}:5432/capstone?ssl=require"
    API_DATABASE_URL    = "postgresql://capstone_api:${random_password.api_db.result}@${aws_db_instance.db.address}:5432/capstone?ssl=require"
    WORKER_DATABASE_URL = "postgresql://capstone_worker:${random_password.worker_db.result}@${aws_db_instance.db.address}:5432/capstone?ssl=require"
    OWNER_DB_PASSWORD   = random_password.db.result
    APP_DB_PASSWORD     = random_password.api_db.result
    WORKER_DB_PASSWORD  = random_password.worker_db.result
    JWT_SECRET          = random_password.jwt.result
    CURSOR_SECRET       = random_password.cursor.result
  })
}

locals {
  image     = "${aws_ecr_repository.app.repository_url}:${var.image_tag}"
  redis_url = "redis://${aws_elasticache_cluster.redis.cache_nodes[0].address}:6379/0"

  # Each container gets only the keys it needs, under the name the app reads.
  secret = { for key in ["OWNER_DATABASE_URL", "API_DATABASE_URL", "WORKER_DATABASE_URL",
    "OWNER_DB_PASSWORD", "APP_DB_PASSWORD", "WORKER_DB_PASSWORD", "JWT_SECRET", "CURSOR_SECRET"] :
  key => "${aws_secretsmanager_secret.app.arn}:${key}::" }

  logs = {
    logDriver = "awslogs"
    options = {
      awslogs-group         = aws_cloudwatch_log_group.app.name
      awslogs-region        = var.region
      awslogs-stream-prefix = "capstone"
    }
  }
}

# --- IAM: the execution role lets ECS pull the image, write logs and read this one secret.
resource "aws_iam_role" "execution" {
  name = "${var.name}-execution"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "read_app_secret" {
  name = "read-app-secret"
  role = aws_iam_role.execution.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "secretsmanager:GetSecretValue"
      Resource = aws_secretsmanager_secret.app.arn
    }]
  })
}

# --- The API on Fargate.
resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${var.name}"
  retention_in_days = 30 # logs kept for ever are a cost that grows every month
}

resource "aws_ecs_cluster" "main" {
  name = var.name
}

resource "aws_ecs_task_definition" "api" {
  family                   = "${var.name}-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"  # 0.5 vCPU
  memory                   = "1024" # MiB
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([{
    name         = "api"
    image        = local.image
    essential    = true
    portMappings = [{ containerPort = 8000 }]

    command = [
      "uvicorn", "capstone.solution.main:create_app", "--factory",
      "--host", "0.0.0.0", "--port", "8000", "--proxy-headers", "--forwarded-allow-ips=*",
    ]
    environment = [
      { name = "APP_ENV", value = "production" },
      { name = "REDIS_URL", value = local.redis_url },
    ]
    secrets = [
      { name = "DATABASE_URL", valueFrom = local.secret.API_DATABASE_URL },
      { name = "JWT_SECRET", valueFrom = local.secret.JWT_SECRET },
      { name = "CURSOR_SECRET", valueFrom = local.secret.CURSOR_SECRET },
    ]
    logConfiguration = local.logs
  }])
}

# The Celery worker: the outbox's e-mails, the exports, the purge; as capstone_worker. ECS sends
# SIGTERM (Celery's warm shutdown) and waits stopTimeout seconds before SIGKILL.
resource "aws_ecs_task_definition" "worker" {
  family                   = "${var.name}-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([{
    name        = "worker"
    image       = local.image
    essential   = true
    stopTimeout = 30
    command = [
      "celery", "--app=capstone.solution.jobs.worker", "worker", "--loglevel=INFO",
      "--concurrency=2",
    ]
    # No healthCheck: ECS ignores the image's HEALTHCHECK (GET /health on port 8000, where a
    # worker listens to nothing) and replaces a task whose process exits.
    environment = [
      { name = "APP_ENV", value = "production" },
      { name = "REDIS_URL", value = local.redis_url },
      { name = "SMTP_HOST", value = var.smtp_host },
      { name = "SMTP_PORT", value = tostring(var.smtp_port) },
    ]
    secrets          = [{ name = "DATABASE_URL", valueFrom = local.secret.WORKER_DATABASE_URL }]
    logConfiguration = local.logs
  }])
}

# Celery beat: publishes the schedule; the broker only, no database, no secret.
resource "aws_ecs_task_definition" "beat" {
  family                   = "${var.name}-beat"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([{
    name      = "beat"
    image     = local.image
    essential = true
    command = [
      "celery", "--app=capstone.solution.jobs.worker", "beat", "--loglevel=INFO",
      "--schedule=/tmp/celerybeat-schedule",
    ]
    environment = [
      { name = "APP_ENV", value = "production" },
      { name = "REDIS_URL", value = local.redis_url },
    ]
    logConfiguration = local.logs
  }])
}

# One-off tasks, run by `aws ecs run-task` before the services (the lecture has the commands):
# the migrations as the owner, then the two login roles, with the same SQL as the Compose stack
# (psql from the official PostgreSQL image; the SQL travels in the task definition, it holds no
# secret: the passwords come from the secret as the variables the SQL reads).
resource "aws_ecs_task_definition" "migrate" {
  family                   = "${var.name}-migrate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([{
    name             = "migrate"
    image            = local.image
    essential        = true
    command          = ["alembic", "-c", "capstone/alembic.ini", "upgrade", "head"]
    secrets          = [{ name = "DATABASE_URL", valueFrom = local.secret.OWNER_DATABASE_URL }]
    logConfiguration = local.logs
  }])
}

resource "aws_ecs_task_definition" "db_roles" {
  family                   = "${var.name}-db-roles"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([{
    name      = "db-roles"
    image     = var.postgres_client_image
    essential = true
    command   = ["sh", "-c", "printf '%s\\n' \"$ROLES_SQL\" | psql --no-psqlrc --quiet --file=-"]
    environment = [
      { name = "PGHOST", value = aws_db_instance.db.address },
      { name = "PGUSER", value = "capstone" },
      { name = "PGDATABASE", value = "capstone" },
      { name = "PGSSLMODE", value = "require" },
      {
        name = "ROLES_SQL"
        value = join("\n", [
          file("${path.module}/../../docker/app-role.sql"),
          file("${path.module}/../../docker/worker-role.sql"),
        ])
      },
    ]
    secrets = [
      { name = "PGPASSWORD", valueFrom = local.secret.OWNER_DB_PASSWORD },
      { name = "APP_DB_PASSWORD", valueFrom = local.secret.APP_DB_PASSWORD },
      { name = "WORKER_DB_PASSWORD", valueFrom = local.secret.WORKER_DB_PASSWORD },
    ]
    logConfiguration = local.logs
  }])
}

resource "aws_ecs_service" "api" {
  name            = "${var.name}-api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = var.app_count
  launch_type     = "FARGATE"

  # Rolling deploy: start new tasks first, stop old ones once the new are healthy; a deploy
  # whose tasks keep failing is rolled back to the previous task definition.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = data.aws_subnets.default.ids
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "api"
    container_port   = 8000
  }

  depends_on = [aws_lb_listener.http]
}

resource "aws_ecs_service" "worker" {
  name            = "${var.name}-worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.worker.arn
  desired_count   = var.worker_count
  launch_type     = "FARGATE"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = data.aws_subnets.default.ids
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = true
  }
}

resource "aws_ecs_service" "beat" {
  name            = "${var.name}-beat"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.beat.arn
  desired_count   = min(var.worker_count, 1) # one beat at most: two send every task twice
  launch_type     = "FARGATE"

  # Stop the old beat before the new one starts: never two at once, a minute without one.
  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  network_configuration {
    subnets          = data.aws_subnets.default.ids
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = true
  }
}
