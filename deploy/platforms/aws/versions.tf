# The capstone on AWS: ECS Fargate behind a load balancer, RDS PostgreSQL, secrets in Secrets
# Manager (week 15, cloud lecture: deploy/docs/cloud.md). Awareness-sized: the default VPC,
# one service, HTTP only. Read it, `terraform plan` it with your own account; never apply it
# without reading the plan and the cost estimate.
terraform {
  required_version = ">= 1.10" # use_lockfile below needs 1.10

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # The state holds the database password: keep it in an encrypted, versioned bucket, not on a
  # laptop or in git. Uncomment after creating the bucket (once, by hand).
  # backend "s3" {
  #   bucket       = "CHANGE-ME-terraform-state"
  #   key          = "capstone/terraform.tfstate"
  #   region       = "eu-central-1"
  #   encrypt      = true
  #   use_lockfile = true
  # }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = { project = var.name, managed_by = "terraform" }
  }
}
